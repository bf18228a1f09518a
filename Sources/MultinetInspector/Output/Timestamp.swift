#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Unix milliseconds as RFC 3339 text in UTC with milliseconds: `2026-11-29T19:45:46.123Z`.
public enum Timestamp {
    /// The RFC 3339 form of `milliseconds` since the epoch.
    public static func rfc3339(milliseconds: Int64) -> String {
        var seconds = time_t(milliseconds / 1_000)
        let millis = Int(((milliseconds % 1_000) + 1_000) % 1_000)
        if milliseconds < 0 && millis != 0 { seconds -= 1 }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        return "\(pad(Int(parts.tm_year) + 1900, 4))-\(pad(Int(parts.tm_mon) + 1, 2))-\(pad(Int(parts.tm_mday), 2))T"
            + "\(pad(Int(parts.tm_hour), 2)):\(pad(Int(parts.tm_min), 2)):\(pad(Int(parts.tm_sec), 2)).\(pad(millis, 3))Z"
    }

    /// A short age such as `5s`, `3m`, `2h`, `4d` (like kubectl's AGE column).
    public static func age(milliseconds: Int64, now: Int64) -> String {
        let seconds = max(0, (now - milliseconds) / 1_000)
        if seconds < 120 { return "\(seconds)s" }
        if seconds < 7_200 { return "\(seconds / 60)m" }
        if seconds < 172_800 { return "\(seconds / 3_600)h" }
        return "\(seconds / 86_400)d"
    }

    private static func pad(_ value: Int, _ width: Int) -> String {
        let text = String(value)
        return String(repeating: "0", count: max(0, width - text.count)) + text
    }
}
