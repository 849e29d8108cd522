package vn.schoolguard.internal.web;

import vn.schoolguard.internal.http.ServletReplays;

import vn.schoolguard.internal.moderation.SubmissionQueries;

/** The REST API's endpoints under {@code <console>/api}, built once from the console's services. */
final class ConsoleApi {

    final SubmissionsApi submissions;
    final IpLogApi ipLog;
    final BlockApi blocks;
    final RulesApi rules;
    final IncidentsApi incidents;
    final ReportsApi reports;

    ConsoleApi(ConsoleServices services, ServletReplays replays) {
        SubmissionQueries queries = services.queries();
        this.submissions = new SubmissionsApi(services.moderation(), queries, replays);
        this.ipLog = new IpLogApi(services.ipLog().log(), services.ipLog().export());
        this.blocks = new BlockApi(services.blocks(), new BlockRequests(queries), services.clock());
        this.rules = new RulesApi(services.rules());
        this.incidents = new IncidentsApi(services.incidents().log(), services.incidents().siteKey(), services.clock());
        this.reports = new ReportsApi(services.reports());
    }
}
