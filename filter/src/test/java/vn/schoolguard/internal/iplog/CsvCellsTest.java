package vn.schoolguard.internal.iplog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.fasterxml.jackson.core.type.TypeReference;

import vn.schoolguard.internal.db.Json;

/** Regression: formula leaders are neutralised at a cell's start and after every separator inside it (iplog/csv-hostile-cells.json). */
class CsvCellsTest {

    record Case(String why, String cell, String expected) {
        @Override
        public String toString() {
            return why;
        }
    }

    static Stream<Case> cases() throws IOException {
        try (InputStream in = CsvCellsTest.class.getResourceAsStream("/iplog/csv-hostile-cells.json")) {
            return Json.MAPPER.readValue(in, new TypeReference<List<Case>>() { }).stream();
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void regressionFormulaLeadersAreNeutralisedAtTheStartAndAfterEverySeparator(Case c) {
        assertThat(CsvCells.neutralise(c.cell())).isEqualTo(c.expected());
    }
}
