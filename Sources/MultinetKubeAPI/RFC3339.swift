#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// RFC 3339 timestamps as Kubernetes writes them (`2024-05-01T12:00:00Z`,
/// `2024-05-01T12:00:00.123456+02:00`), parsed without Foundation.
package enum RFC3339 {
    /// Seconds since the Unix epoch, or `nil` when `text` is not an RFC 3339 date-time.
    package static func secondsSinceEpoch(_ text: String) -> Double? {
        let b = Array(text.utf8)
        var index = 0
        func digits(_ count: Int) -> Int? {
            guard index + count <= b.count else { return nil }
            var value = 0
            for offset in 0..<count {
                let c = b[index + offset]
                guard c >= UInt8(ascii: "0"), c <= UInt8(ascii: "9") else { return nil }
                value = value * 10 + Int(c - UInt8(ascii: "0"))
            }
            index += count
            return value
        }
        func expect(_ allowed: String) -> Bool {
            guard index < b.count, allowed.utf8.contains(b[index]) else { return false }
            index += 1
            return true
        }
        guard let year = digits(4), expect("-"), let month = digits(2), expect("-"), let day = digits(2),
              expect("Tt "), let hour = digits(2), expect(":"), let minute = digits(2), expect(":"),
              let second = digits(2) else { return nil }
        guard (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second <= 60 else { return nil }
        var fraction = 0.0
        if index < b.count, b[index] == UInt8(ascii: ".") {
            index += 1
            var scale = 0.1
            let start = index
            while index < b.count, b[index] >= UInt8(ascii: "0"), b[index] <= UInt8(ascii: "9") {
                fraction += Double(b[index] - UInt8(ascii: "0")) * scale
                scale /= 10
                index += 1
            }
            guard index > start else { return nil }
        }
        var offsetSeconds = 0
        guard index < b.count else { return nil }
        if b[index] == UInt8(ascii: "Z") || b[index] == UInt8(ascii: "z") {
            index += 1
        } else {
            let sign = b[index] == UInt8(ascii: "-") ? -1 : 1
            guard expect("+-"), let offsetHours = digits(2), expect(":"), let offsetMinutes = digits(2),
                  offsetHours < 24, offsetMinutes < 60 else { return nil }
            offsetSeconds = sign * (offsetHours * 3600 + offsetMinutes * 60)
        }
        guard index == b.count else { return nil }
        var parts = tm()
        parts.tm_year = Int32(year - 1900)
        parts.tm_mon = Int32(month - 1)
        parts.tm_mday = Int32(day)
        parts.tm_hour = Int32(hour)
        parts.tm_min = Int32(minute)
        parts.tm_sec = Int32(second)
        let utc = timegm(&parts)
        return Double(utc - offsetSeconds) + fraction
    }

    /// The current wall-clock time in seconds since the Unix epoch.
    package static func now() -> Double {
        var now = timespec()
        _ = clock_gettime(CLOCK_REALTIME, &now)
        return Double(now.tv_sec) + Double(now.tv_nsec) / 1e9
    }

    /// `seconds` since the epoch as Kubernetes writes a timestamp: `2024-05-01T12:00:00Z`.
    static func format(secondsSinceEpoch seconds: Double) -> String {
        var time = time_t(seconds.rounded(.down))
        var parts = tm()
        _ = gmtime_r(&time, &parts)
        func two(_ value: Int32) -> String { value < 10 ? "0\(value)" : "\(value)" }
        return "\(parts.tm_year + 1900)-\(two(parts.tm_mon + 1))-\(two(parts.tm_mday))T\(two(parts.tm_hour)):\(two(parts.tm_min)):\(two(parts.tm_sec))Z"
    }
}
