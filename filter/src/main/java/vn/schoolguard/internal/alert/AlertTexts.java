package vn.schoolguard.internal.alert;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;

import vn.schoolguard.internal.incident.Incident;
import vn.schoolguard.internal.incident.IncidentKind;

/** The mail subject and body of an incident, in Vietnamese or English. */
final class AlertTexts {

    static final int MAX_SUBJECT = 160;
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss '(UTC'xxx')'");
    private static final Map<IncidentKind, String[]> TITLES = new EnumMap<>(Map.of(
            IncidentKind.IMPLANT, new String[] {"Phát hiện nội dung nghi bị cài cắm trên trang",
                    "Planted content found on a page"},
            IncidentKind.TRACKER_MISSING, new String[] {"Trang chủ thiếu mã theo dõi EMC",
                    "The home page lacks the EMC tracker"},
            IncidentKind.LABEL_MISSING, new String[] {"Trang chủ không hiển thị nhãn \"Đã kết nối EMC\"",
                    "The home page does not show the EMC label"},
            IncidentKind.PORTAL_MISSING, new String[] {"Trang chủ thiếu liên kết đến cổng thông tin",
                    "The home page lacks the parent-portal link"},
            IncidentKind.IPLOG_VERIFY_FAILED, new String[] {"Nhật ký IP không vượt qua kiểm tra toàn vẹn",
                    "The IP log failed verification"},
            IncidentKind.QUEUE_OLD, new String[] {"Bài gửi chờ duyệt quá lâu",
                    "A submission has waited too long for moderation"}));

    private final boolean english;
    private final ZoneId zone;

    AlertTexts(String language, ZoneId zone) {
        this.english = language.equals("en");
        this.zone = zone;
    }

    static String title(IncidentKind kind, boolean english) {
        return TITLES.get(kind)[english ? 1 : 0];
    }

    /** {@code [SchoolGuard] site: what — page}, on one line whatever the page's text holds. */
    String subject(Incident incident) {
        String page = incident.page().isEmpty() ? "" : " — " + incident.page();
        return oneLine("[SchoolGuard] " + incident.siteKey() + ": " + title(incident.kind(), english) + page, MAX_SUBJECT);
    }

    String body(Incident incident) {
        String[] labels = english
                ? new String[] {"SchoolGuard recorded an incident on site ", "Kind", "Found at", "Page", "Detail", "Incident id",
                        "The console's pages list the incidents of the last 7 days."}
                : new String[] {"SchoolGuard ghi nhận một sự cố trên trang ", "Loại", "Thời điểm", "Trang", "Chi tiết", "Mã sự cố",
                        "Các sự cố trong 7 ngày gần nhất hiện ở đầu các trang của bảng điều khiển."};
        return labels[0] + incident.siteKey() + ".\n\n"
                + labels[1] + ": " + title(incident.kind(), english) + " (" + incident.kind().key() + ")\n"
                + labels[2] + ": " + TIME.format(incident.at().atZone(zone)) + "\n"
                + labels[3] + ": " + (incident.page().isEmpty() ? "-" : incident.page()) + "\n"
                + labels[4] + ":\n" + (incident.detail().isEmpty() ? "-" : incident.detail()) + "\n\n"
                + labels[5] + ": " + incident.id() + "\n" + labels[6] + "\n";
    }

    /**
     * Text fit for one header line: every control or line-separator character (CR, LF, tab, U+2028, U+0085…) becomes
     * a space, runs of spaces one, cut at {@code max} characters without splitting a surrogate pair.
     */
    static String oneLine(String text, int max) {
        StringBuilder out = new StringBuilder();
        boolean space = false;
        for (int i = 0; i < text.length() && out.length() < max; ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            boolean blank = Character.isISOControl(c) || Character.isWhitespace(c) || Character.isSpaceChar(c)
                    || Character.getType(c) == Character.FORMAT;
            if (blank) {
                space = out.length() > 0;
                continue;
            }
            if (space) {
                out.append(' ');
                space = false;
            }
            if (out.length() + Character.charCount(c) > max) {
                break;
            }
            out.appendCodePoint(c);
        }
        return out.toString();
    }
}
