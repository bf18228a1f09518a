import MultinetCNI

/// Why a pod's selection annotation is refused (code 7): each message names the pod, the
/// annotation and, when it is one element's fault, the element.
public enum SelectionError: CNIErrorConvertible, CustomStringConvertible, Equatable {
    /// The pod carries both dialects' annotations.
    case bothDialects(pod: String, alpha: String, multus: String)
    /// The annotation, or one element of it (1-based, with its text), breaks `rule`.
    case refused(pod: String, annotation: String, element: Int?, text: String?, rule: String)

    /// The CNI error the runtime sees.
    public var cniError: CNIError {
        switch self {
        case .bothDialects(let pod, let alpha, let multus):
            return CNIError(code: CNIErrorCode.invalidNetworkConfig, msg: "pod \(pod) carries both \(alpha) and \(multus); use one of them")
        case .refused(let pod, let annotation, let element, let text, let rule):
            var place = "annotation \(annotation)"
            if let element {
                place += ", element \(element)"
                if let text { place += " (\"\(text.prefix(80))\")" }
            }
            return CNIError(code: CNIErrorCode.invalidNetworkConfig, msg: "pod \(pod): \(place): \(rule)")
        }
    }
}
