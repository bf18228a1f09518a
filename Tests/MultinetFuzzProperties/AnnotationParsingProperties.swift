import MultinetCNI
import MultinetJSON
import MultinetModel
import MultinetPlanning

/// What must hold for any text in a pod's selection annotation, read by
/// `PodNetworkRequest.parse` as the NPWG annotation (JSON list or comma-separated form)
/// and as the 2017 alpha annotation.
///
/// Shared by the `AnnotationParsing` fuzz target and the corpus replay test.
///
/// 1. A rejected annotation fails with code 7 and a message naming the pod.
/// 2. An accepted one asks for at most 32 networks (at least one in the alpha dialect),
///    by valid names (DNS-1123 subdomain) in valid namespaces (DNS-1123 label), on distinct
///    valid interface names; only the alpha dialect's first entry is the default network and
///    only it is on `CNI_IFNAME`; static IPs and default-route gateways are addresses; a
///    MAC is six pairs of ASCII hex digits; at most one selection sets a default route.
/// 3. Round trip: the request written back as an annotation (names joined with commas for
///    alpha; the JSON list form, and the comma form when nothing but names and interfaces is
///    asked, for NPWG) parses to an equal request.
/// 4. Setting both annotations to non-blank text is always rejected; blank text asks for nothing.
package enum AnnotationParsingProperties {
    static let pod = PodReference(namespace: "team-a", name: "web-0", uid: "0b7f")
    static let runtimeIfName = "eth0"

    /// The properties the annotation text `bytes` (read as UTF-8, as the apiserver's JSON
    /// would give it) breaks; empty when all hold.
    package static func violations(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        var problems: [String] = []
        for dialect in SelectionDialect.allCases {
            check(text, dialect: dialect, &problems)
        }
        let both = parse([SelectionDialect.alpha.annotation: text, SelectionDialect.multus.annotation: text])
        let blank = text.allSatisfy(\.isWhitespace)
        switch both {
        case .success(let request):
            if !blank || request.dialect != nil { problems.append("both annotations were accepted together") }
        case .failure:
            if blank { problems.append("two blank annotations were rejected") }
        }
        return problems
    }

    static func parse(_ annotations: [String: String]) -> Result<PodNetworkRequest, CNIError> {
        Result { try PodNetworkRequest.parse(annotations: annotations, pod: pod, runtimeIfName: runtimeIfName) }
            .mapError(CNIError.init(reporting:))
    }

    static func check(_ text: String, dialect: SelectionDialect, _ problems: inout [String]) {
        let label = dialect == .alpha ? "alpha" : "NPWG"
        let request: PodNetworkRequest
        switch parse([dialect.annotation: text]) {
        case .failure(let error):
            if error.code != CNIErrorCode.invalidNetworkConfig || !error.msg.hasPrefix("pod \(pod.displayName)") {
                problems.append("\(label): rejected with code \(error.code) without naming the pod: \(error.msg)")
            }
            return
        case .success(let parsed):
            request = parsed
        }
        if text.allSatisfy(\.isWhitespace) {
            if request != PodNetworkRequest(dialect: nil, selections: []) { problems.append("\(label): blank text asks for networks") }
            return
        }
        if request.dialect != dialect { problems.append("\(label): parsed as dialect \(String(describing: request.dialect))") }
        structure(request, label: label, &problems)
        for annotation in rewritten(request) {
            switch parse([dialect.annotation: annotation]) {
            case .success(let again) where again == request: break
            case .success: problems.append("\(label): rewritten as \(annotation.debugDescription) it parses to another request")
            case .failure(let error): problems.append("\(label): rewritten as \(annotation.debugDescription) it is rejected: \(error.msg)")
            }
        }
    }

    static func structure(_ request: PodNetworkRequest, label: String, _ problems: inout [String]) {
        let entries = request.selections
        // An NPWG JSON list may be empty (`[]`: no extra networks); alpha text that is not blank names at least one.
        if (entries.isEmpty && request.dialect == .alpha) || entries.count > PodNetworkRequest.maximumSelections {
            problems.append("\(label): accepted \(entries.count) selections")
        }
        if Set(entries.map(\.ifName)).count != entries.count { problems.append("\(label): two selections share an interface") }
        var defaultRoutes = 0
        for (index, entry) in entries.enumerated() {
            let selection = entry.selection
            let expectDefault = request.dialect == .alpha && index == 0
            if entry.isDefault != expectDefault { problems.append("\(label): entry \(index + 1) has isDefault \(entry.isDefault)") }
            if (entry.ifName == runtimeIfName) != expectDefault { problems.append("\(label): entry \(index + 1) is on \(entry.ifName)") }
            if CNIEnvironment.interfaceNameProblem(entry.ifName) != nil { problems.append("\(label): invalid interface \(entry.ifName.debugDescription)") }
            if KubeNames.subdomainProblem(selection.name) != nil { problems.append("\(label): invalid name \(selection.name.debugDescription)") }
            if KubeNames.labelProblem(selection.namespace) != nil { problems.append("\(label): invalid namespace \(selection.namespace.debugDescription)") }
            for ip in selection.ips where IPAddress(ip) == nil && IPAddressPrefix(ip) == nil {
                problems.append("\(label): static IP \(ip.debugDescription) is not an address")
            }
            for gateway in selection.defaultRoute where IPAddress(gateway) == nil {
                problems.append("\(label): default-route \(gateway.debugDescription) is not an address")
            }
            if let mac = selection.mac, !isMACText(mac) { problems.append("\(label): MAC \(mac.debugDescription) is not six pairs of ASCII hex digits") }
            if !selection.defaultRoute.isEmpty { defaultRoutes += 1 }
        }
        if defaultRoutes > 1 { problems.append("\(label): \(defaultRoutes) selections set default-route") }
    }

    /// `02:00:00:00:00:01`: six pairs of ASCII hex digits separated by colons, what delegates parse.
    static func isMACText(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return bytes.count == 17 && bytes.indices.allSatisfy { index in
            let byte = bytes[index]
            if index % 3 == 2 { return byte == UInt8(ascii: ":") }
            return (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte) || (UInt8(ascii: "a")...UInt8(ascii: "f")).contains(byte)
                || (UInt8(ascii: "A")...UInt8(ascii: "F")).contains(byte)
        }
    }

    /// The request written back in each annotation form that can express it.
    static func rewritten(_ request: PodNetworkRequest) -> [String] {
        let selections = request.selections.map(\.selection)
        if request.dialect == .alpha { return [selections.map(\.name).joined(separator: ",")] }
        var forms = [JSONValue.array(selections.map(json)).jsonText]
        // The comma form carries names and interfaces only, and cannot hold an interface
        // name with ',', '@' or surrounding whitespace (Linux allows them; the JSON form can).
        let plain = selections.allSatisfy {
            $0 == NetworkSelection(name: $0.name, namespace: $0.namespace, interfaceRequest: $0.interfaceRequest)
                && !($0.interfaceRequest ?? "").contains { $0 == "," || $0 == "@" || $0.isWhitespace }
        }
        if plain && !selections.isEmpty {
            forms.append(selections.map { "\($0.qualifiedName)\($0.interfaceRequest.map { "@\($0)" } ?? "")" }.joined(separator: ", "))
        }
        return forms
    }

    /// One selection as an element of the JSON list form, every field it sets.
    static func json(_ selection: NetworkSelection) -> JSONValue {
        var object = JSONObject()
        object["name"] = .string(selection.name)
        object["namespace"] = .string(selection.namespace)
        if let interface = selection.interfaceRequest { object["interface"] = .string(interface) }
        if !selection.ips.isEmpty { object["ips"] = .array(selection.ips.map(JSONValue.string)) }
        if let mac = selection.mac { object["mac"] = .string(mac) }
        if let args = selection.cniArgs { object["cni-args"] = .object(args) }
        if let ports = selection.portMappings { object["portMappings"] = ports }
        if let bandwidth = selection.bandwidth { object["bandwidth"] = bandwidth }
        if !selection.defaultRoute.isEmpty { object["default-route"] = .array(selection.defaultRoute.map(JSONValue.string)) }
        if let guid = selection.infinibandGUID { object["infiniband-guid"] = .string(guid) }
        if let claim = selection.ipamClaimReference { object["ipam-claim-reference"] = .string(claim) }
        return .object(object)
    }
}
