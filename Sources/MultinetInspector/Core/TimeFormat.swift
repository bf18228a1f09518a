/// Short human renderings of ages and durations (`4s`, `3m`, `2h`, `5d`; `12ms`, `1.2s`).
public enum TimeFormat {
    /// The age of `timestamp` at `now` (both unix milliseconds): `4s`, `3m`, `2h`, `5d`;
    /// `-` for an unset (zero) timestamp; `0s` for one in the future.
    public static func age(since timestamp: Int64, now: Int64) -> String {
        guard timestamp > 0 else { return "-" }
        let seconds = max(0, (now - timestamp) / 1000)
        switch seconds {
        case ..<60: return "\(seconds)s"
        case ..<3600: return "\(seconds / 60)m"
        case ..<86400: return "\(seconds / 3600)h"
        default: return "\(seconds / 86400)d"
        }
    }

    /// A duration in milliseconds: `850ms`, `1.2s`, `75s`, `3m`; `-` when unknown.
    public static func duration(ms: Int64?) -> String {
        guard let ms else { return "-" }
        switch ms {
        case ..<1000: return "\(max(0, ms))ms"
        case ..<10000: return "\(ms / 1000).\(ms % 1000 / 100)s"
        case ..<120_000: return "\(ms / 1000)s"
        default: return "\(ms / 60000)m"
        }
    }
}
