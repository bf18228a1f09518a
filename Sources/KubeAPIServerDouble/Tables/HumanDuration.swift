/// Ages as the apiserver prints them in tables (`k8s.io/apimachinery/pkg/util/duration`'s
/// `HumanDuration`): `45s`, `3m20s`, `15m`, `5h10m`, `2d3h`, `40d`, `3y20d`.
enum HumanDuration {
    static func format(seconds: Double) -> String {
        if seconds < -1 { return "<invalid>" }
        if seconds < 0 { return "0s" }
        let total = Int(seconds)
        let minutes = total / 60
        let hours = total / 3600
        let days = hours / 24
        if total < 120 { return "\(total)s" }
        if minutes < 10 {
            let rest = total % 60
            return rest == 0 ? "\(minutes)m" : "\(minutes)m\(rest)s"
        }
        if minutes < 180 { return "\(minutes)m" }
        if hours < 8 {
            let rest = minutes % 60
            return rest == 0 ? "\(hours)h" : "\(hours)h\(rest)m"
        }
        if hours < 48 { return "\(hours)h" }
        if hours < 192 {
            let rest = hours % 24
            return rest == 0 ? "\(days)d" : "\(days)d\(rest)h"
        }
        if days < 730 { return "\(days)d" }
        let years = days / 365
        if days < 2920 {
            let rest = days % 365
            return rest == 0 ? "\(years)y" : "\(years)y\(rest)d"
        }
        return "\(years)y"
    }
}
