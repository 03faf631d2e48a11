package th.phatthana.api.access;

import java.time.Instant;
import java.util.Locale;

import jakarta.servlet.http.HttpServletRequest;

import th.phatthana.api.time.BangkokTime;

/**
 * What the sign-in endpoints say to people: Thai, or English when the request's Accept-Language
 * prefers English over Thai. Times are in Asia/Bangkok, Thai ones in the Buddhist Era.
 */
enum AuthMessage {
    BAD_CREDENTIALS("อีเมลหรือรหัสผ่านไม่ถูกต้อง", "The e-mail address or the password is wrong."),
    ACCOUNT_LOCKED("บัญชีนี้ถูกล็อกชั่วคราว เนื่องจากใส่รหัสผ่านผิดหลายครั้ง เข้าสู่ระบบได้อีกครั้งหลัง %s",
            "This account is locked for a while after too many failed sign-ins. You can sign in again after %s."),
    TOO_MANY_ATTEMPTS("มีการเข้าสู่ระบบไม่สำเร็จจากเครือข่ายนี้มากเกินไป โปรดลองใหม่หลัง %s",
            "Too many failed sign-ins came from this network address. Try again after %s."),
    ACCOUNT_DISABLED("บัญชีนี้ถูกระงับการใช้งาน โปรดติดต่อผู้ดูแลระบบของหน่วยงาน",
            "This account is disabled. Ask your organisation's administrator."),
    ORGANISATION_SUSPENDED("หน่วยงานของบัญชีนี้ถูกระงับการใช้งาน โปรดติดต่อส่วนกลาง",
            "The organisation of this account is suspended. Ask the national administrators."),
    UNAUTHENTICATED("กรุณาเข้าสู่ระบบ", "Please sign in."),
    SESSION_ENDED("หมดเวลาการใช้งาน หรือออกจากระบบแล้ว กรุณาเข้าสู่ระบบอีกครั้ง", "Your session has ended. Please sign in again."),
    CSRF_TOKEN_INVALID("คำขอนี้ไม่มีรหัสป้องกันที่ถูกต้อง (ส่วนหัว X-XSRF-TOKEN ต้องตรงกับคุกกี้ XSRF-TOKEN) กรุณาโหลดหน้าใหม่",
            "This request lacks its protection token: the X-XSRF-TOKEN header must equal the XSRF-TOKEN cookie. Reload the page."),
    PASSWORD_TOO_SHORT("รหัสผ่านต้องมีอย่างน้อย %d ตัวอักษร", "A password needs at least %d characters."),
    PASSWORD_TOO_LONG("รหัสผ่านต้องยาวไม่เกิน %d ตัวอักษร", "A password has at most %d characters."),
    WRONG_CURRENT_PASSWORD("รหัสผ่านปัจจุบันไม่ถูกต้อง", "The current password is wrong."),
    NO_PASSWORD("บัญชีที่เข้าสู่ระบบผ่านระบบของหน่วยงาน (OIDC) เปลี่ยนรหัสผ่านได้ที่ระบบนั้น",
            "Accounts that sign in through the organisation's sign-in service change their password there."),
    INVITATION_NOT_FOUND("ไม่พบคำเชิญนี้ ลิงก์อาจไม่ครบ หรือมีการออกคำเชิญใหม่แทนแล้ว โปรดติดต่อผู้ที่เชิญคุณ",
            "This invitation does not exist: the link may be incomplete, or a newer invitation replaced it. Ask whoever invited you."),
    INVITATION_EXPIRED("คำเชิญนี้หมดอายุแล้วเมื่อ %s โปรดขอให้ผู้ดูแลระบบออกคำเชิญใหม่",
            "This invitation expired at %s. Ask your administrator for a new one."),
    INVITATION_USED("คำเชิญนี้ถูกใช้ไปแล้ว เข้าสู่ระบบด้วยอีเมลและรหัสผ่านที่ตั้งไว้",
            "This invitation has been used already. Sign in with your e-mail address and the password you chose."),
    UNSUPPORTED_LANGUAGE("ภาษาต้องเป็น th หรือ en", "The language is th or en."),
    BAD_REQUEST("คำขอไม่ถูกต้อง: %s", "Bad request: %s"),
    OIDC_DISABLED("เซิร์ฟเวอร์นี้ไม่ได้ตั้งค่าการเข้าสู่ระบบผ่านระบบของหน่วยงาน (OIDC)",
            "Sign-in through an OIDC issuer is not configured on this server.");

    private final String thai;
    private final String english;

    AuthMessage(String thai, String english) {
        this.thai = thai;
        this.english = english;
    }

    String text(HttpServletRequest request, Object... arguments) {
        boolean english = prefersEnglish(request);
        Object[] shown = new Object[arguments.length];
        for (int i = 0; i < arguments.length; i++) {
            shown[i] = arguments[i] instanceof Instant at ? time(at, english) : arguments[i];
        }
        return String.format(Locale.ROOT, english ? this.english : thai, shown);
    }

    private static String time(Instant at, boolean english) {
        return english ? BangkokTime.english(at) : BangkokTime.thai(at);
    }

    /** Whether Accept-Language ranks English above Thai (Thai when it names neither). */
    static boolean prefersEnglish(HttpServletRequest request) {
        String header = request.getHeader("Accept-Language");
        if (header == null || header.isBlank()) {
            return false;
        }
        try {
            for (Locale.LanguageRange range : Locale.LanguageRange.parse(header)) {
                String language = range.getRange().split("-")[0];
                if (language.equals("en")) {
                    return true;
                }
                if (language.equals("th")) {
                    return false;
                }
            }
        } catch (IllegalArgumentException e) {
            return false;
        }
        return false;
    }
}
