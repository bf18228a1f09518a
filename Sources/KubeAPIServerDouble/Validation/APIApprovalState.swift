/// Whether a CustomResourceDefinition in a protected API group carries the approval
/// annotation `api-approved.kubernetes.io`, as the apiserver's apiextensions helpers read it
/// (`GetAPIApprovalState`, kubernetes/enhancements#1111).
enum APIApprovalState: Sendable, Equatable {
    /// The annotation is missing or empty.
    case missing
    /// The annotation starts with `unapproved` (e.g. `"unapproved, experimental"`).
    case bypassed
    /// The annotation is a URL with a scheme and a host (the approving pull request).
    case approved
    /// Anything else.
    case invalid

    /// The annotation's name.
    static let annotation = "api-approved.kubernetes.io"

    /// The state of `value`, the annotation's value (`nil` when absent).
    init(_ value: String?) {
        let value = value ?? ""
        if value.isEmpty {
            self = .missing
        } else if value.hasPrefix("unapproved") {
            self = .bypassed
        } else if Self.isAbsoluteURL(value) {
            self = .approved
        } else {
            self = .invalid
        }
    }

    /// Whether a CRD of `group` needs the annotation: `k8s.io`, `kubernetes.io` and their
    /// subdomains are reserved for APIs reviewed by the Kubernetes community.
    static func isProtected(group: String) -> Bool {
        group == "k8s.io" || group.hasSuffix(".k8s.io") || group == "kubernetes.io" || group.hasSuffix(".kubernetes.io")
    }

    /// The reason the apiserver gives for a rejected state, `nil` for an accepted one.
    var problem: String? {
        let see = "see https://github.com/kubernetes/enhancements/pull/1111"
        switch self {
        case .missing:
            return "protected groups must have approval annotation \"\(Self.annotation)\", \(see)"
        case .invalid:
            return "protected groups must have approval annotation \"\(Self.annotation)\" with either a URL "
                + "or a reason starting with \"unapproved\", \(see)"
        case .bypassed, .approved:
            return nil
        }
    }

    /// `scheme://host…`, as Go's `url.ParseRequestURI` with a scheme and a host.
    private static func isAbsoluteURL(_ text: String) -> Bool {
        let characters = Array(text)
        guard let colon = characters.firstIndex(of: ":"), colon > 0,
              characters[colon...].starts(with: Array("://")) else { return false }
        let scheme = characters[..<colon]
        let host = characters[(colon + 3)...].prefix { $0 != "/" && $0 != "?" && $0 != "#" }
        guard scheme.first?.isLetter == true,
              scheme.allSatisfy({ $0.isLetter || $0.isNumber || "+-.".contains($0) }) else { return false }
        return !host.isEmpty && !characters.contains(" ")
    }
}
