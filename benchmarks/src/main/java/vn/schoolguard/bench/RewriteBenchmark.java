package vn.schoolguard.bench;

import java.io.ByteArrayOutputStream;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.TimeUnit;

import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;

import vn.schoolguard.internal.inject.StreamingRewrite;

/**
 * The page rewriter's throughput on a 50 KB school page, against a plain copy of the same bytes in the
 * same 8 KB writes. The ratio {@code rewrite / plainCopy} is the figure reported in docs/performance.md.
 * The rewriter looks for the site's own EMC tracker as it does for served pages. {@code rewriteChars} is the
 * same page written as characters (a servlet's {@code getWriter()}), against {@code plainCopyChars}.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
public class RewriteBenchmark {

    private static final int CHUNK = 8 * 1024;
    private static final String INSERTION = "<script>var _govaq=window._govaq||[];_govaq.push(['setSiteId','4242']);</script>"
            + "<div class=\"schoolguard-portal\"><a href=\"https://haiphong.edu.vn/\" title=\"S&#7903; GD\">S&#7903; GD</a></div>";

    private byte[] page;
    private ByteArrayOutputStream sink;
    private char[] pageChars;
    private CharArrayWriter charSink;

    @Setup
    public void setUp() {
        page = schoolPage(50 * 1024).getBytes(StandardCharsets.UTF_8);
        sink = new ByteArrayOutputStream(page.length + 1024);
        pageChars = schoolPage(50 * 1024).toCharArray();
        charSink = new CharArrayWriter(pageChars.length + 1024);
    }

    @Benchmark
    public int plainCopy() throws IOException {
        sink.reset();
        for (int i = 0; i < page.length; i += CHUNK) {
            sink.write(page, i, Math.min(CHUNK, page.length - i));
        }
        return sink.size();
    }

    @Benchmark
    public int rewrite() throws IOException {
        sink.reset();
        OutputStream out = StreamingRewrite.beforeBodyEnd(sink, INSERTION, 16 * 1024, "4242", "f-emc.ngsp.gov.vn");
        for (int i = 0; i < page.length; i += CHUNK) {
            out.write(page, i, Math.min(CHUNK, page.length - i));
        }
        out.close();
        return sink.size();
    }

    @Benchmark
    public int plainCopyChars() {
        charSink.reset();
        for (int i = 0; i < pageChars.length; i += CHUNK) {
            charSink.write(pageChars, i, Math.min(CHUNK, pageChars.length - i));
        }
        return charSink.size();
    }

    @Benchmark
    public int rewriteChars() throws IOException {
        charSink.reset();
        Writer out = StreamingRewrite.beforeBodyEnd(charSink, INSERTION, 16 * 1024, "4242", "f-emc.ngsp.gov.vn");
        for (int i = 0; i < pageChars.length; i += CHUNK) {
            out.write(pageChars, i, Math.min(CHUNK, pageChars.length - i));
        }
        out.close();
        return charSink.size();
    }

    /** A news list page of about {@code size} bytes, with the markup density of a real school site. */
    static String schoolPage(int size) {
        StringBuilder html = new StringBuilder("<!DOCTYPE html><html lang=\"vi\"><head><meta charset=\"utf-8\">"
                + "<title>Trường THPT Ngô Quyền</title><link rel=\"stylesheet\" href=\"/css/site.css\"></head><body>"
                + "<header><nav><ul><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/gioi-thieu\">Giới thiệu</a></li></ul></nav></header><main>");
        int n = 0;
        while (html.length() < size - 200) {
            n++;
            html.append("<article class=\"news-item\"><h2><a href=\"/news/").append(n).append("\">Thông báo lịch thi học kỳ I năm học 2024-2025, khối ")
                    .append(n % 3 + 10).append("</a></h2><p class=\"meta\">Đăng ngày 12/11/2024 bởi Văn phòng</p>"
                            + "<p>Nhà trường thông báo lịch thi và kế hoạch ôn tập cho học sinh; phụ huynh theo dõi trên cổng thông tin.</p></article>\n");
        }
        return html.append("</main><footer><p>&copy; Trường THPT Ngô Quyền, Hải Phòng</p></footer></body></html>").toString();
    }
}
