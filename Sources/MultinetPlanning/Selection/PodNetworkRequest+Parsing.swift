import MultinetCNI
import MultinetModel

extension PodNetworkRequest {
    /// Reads a pod's selection annotations (pure; table-tested).
    ///
    /// - Parameters:
    ///   - annotations: the pod's annotations.
    ///   - pod: the pod, for its namespace and for error messages.
    ///   - runtimeIfName: `CNI_IFNAME`, the default network's interface.
    ///   - defaultNetworks: how many networks the node attaches to every pod after its
    ///     default network (Multus's `defaultNetworks`): they take `net1` … `net<n>`, and the
    ///     NPWG selections are numbered after them, as Multus numbers its delegates.
    /// - Throws: a ``CNIError`` with code 7 naming the pod, the annotation, the element and the rule.
    public static func parse(annotations: [String: String], pod: PodReference, runtimeIfName: String,
                             defaultNetworks: Int = 0) throws -> PodNetworkRequest {
        let alpha = annotations[SelectionDialect.alpha.annotation].flatMap(nonBlank)
        let multus = annotations[SelectionDialect.multus.annotation].flatMap(nonBlank)
        if alpha != nil && multus != nil {
            throw SelectionError.bothDialects(pod: pod.displayName, alpha: SelectionDialect.alpha.annotation,
                                              multus: SelectionDialect.multus.annotation)
        }
        var parser = SelectionParser(pod: pod, runtimeIfName: runtimeIfName, defaultNetworks: defaultNetworks)
        if let alpha {
            return try parser.alpha(alpha)
        }
        if let multus {
            return try parser.multus(multus)
        }
        return PodNetworkRequest(dialect: nil, selections: [])
    }

    private static func nonBlank(_ text: String) -> String? {
        text.allSatisfy(\.isWhitespace) ? nil : text
    }
}

/// The parsing state for one annotation: which interfaces are taken, where errors point.
struct SelectionParser {
    let pod: PodReference
    let runtimeIfName: String
    /// The node's default networks, on `net1` … `net<defaultNetworks>`.
    let defaultNetworks: Int
    var dialect: SelectionDialect = .multus
    var usedInterfaces: [String: Int] = [:]

    init(pod: PodReference, runtimeIfName: String, defaultNetworks: Int = 0) {
        self.pod = pod
        self.runtimeIfName = runtimeIfName
        self.defaultNetworks = defaultNetworks
    }

    func failure(_ element: Int?, _ text: String?, _ rule: String) -> SelectionError {
        .refused(pod: pod.displayName, annotation: dialect.annotation, element: element.map { $0 + 1 }, text: text, rule: rule)
    }

    func checkSize(_ text: String) throws {
        if text.utf8.count > PodNetworkRequest.maximumAnnotationBytes {
            throw failure(nil, nil, "it is \(text.utf8.count) bytes; the limit is \(PodNetworkRequest.maximumAnnotationBytes)")
        }
    }

    func checkCount(_ count: Int) throws {
        if count > PodNetworkRequest.maximumSelections {
            throw failure(nil, nil, "it asks for \(count) networks; the limit is \(PodNetworkRequest.maximumSelections)")
        }
    }

    func checkName(_ name: String, element: Int, text: String) throws {
        if let problem = KubeNames.subdomainProblem(name) {
            throw failure(element, text, "network name \"\(name.prefix(80))\" is invalid: \(problem)")
        }
    }

    func checkNamespace(_ namespace: String, element: Int, text: String) throws {
        if let problem = KubeNames.labelProblem(namespace) {
            throw failure(element, text, "namespace \"\(namespace.prefix(80))\" is invalid: \(problem)")
        }
    }

    /// Whether `ifName` is one of `net1` … `net<defaultNetworks>`.
    func isDefaultNetworkInterface(_ ifName: String) -> Bool {
        guard ifName.hasPrefix("net"), let number = Int(ifName.dropFirst(3)) else { return false }
        return number >= 1 && number <= defaultNetworks && ifName == "net\(number)"
    }

    /// Takes an interface name for `element`, refusing invalid names and duplicates.
    mutating func claim(_ ifName: String, element: Int, text: String) throws {
        if let problem = CNIEnvironment.interfaceNameProblem(ifName) {
            throw failure(element, text, "interface name \"\(ifName.prefix(40))\" is invalid: \(problem)")
        }
        if ifName == runtimeIfName {
            throw failure(element, text, "interface \(ifName) is the default network's (CNI_IFNAME)")
        }
        if isDefaultNetworkInterface(ifName) {
            throw failure(element, text, "interface \(ifName) is taken by the node's defaultNetworks (net1 to net\(defaultNetworks))")
        }
        if let other = usedInterfaces[ifName] {
            throw failure(element, text, "interface \(ifName) is already used by element \(other + 1)")
        }
        usedInterfaces[ifName] = element
    }

    /// `alpha.network.k8s.io/networks: a,b,c`.
    mutating func alpha(_ text: String) throws -> PodNetworkRequest {
        dialect = .alpha
        try checkSize(text)
        let names = text.split(separator: ",", omittingEmptySubsequences: false)
            .map { String($0).trimmingWhitespace() }
        try checkCount(names.count)
        var entries: [PodNetworkRequest.Entry] = []
        for (index, name) in names.enumerated() {
            if name.isEmpty { throw failure(index, nil, "the element is empty") }
            if name.contains("/") || name.contains("@") {
                throw failure(index, name, "the alpha dialect names Network objects of the pod's own namespace: no '/' or '@'")
            }
            try checkName(name, element: index, text: name)
            let ifName = index == 0 ? runtimeIfName : "eth\(index)"
            if index > 0 { try claim(ifName, element: index, text: name) }
            if let first = names.firstIndex(of: name), first < index {
                throw failure(index, name, "network \"\(name)\" is listed twice (also element \(first + 1))")
            }
            entries.append(.init(selection: NetworkSelection(name: name, namespace: pod.namespace), ifName: ifName, isDefault: index == 0))
        }
        return PodNetworkRequest(dialect: .alpha, selections: entries)
    }
}

extension String {
    /// The string without leading and trailing whitespace (no Foundation).
    func trimmingWhitespace() -> String {
        var slice = Substring(self)
        while let first = slice.first, first.isWhitespace { slice.removeFirst() }
        while let last = slice.last, last.isWhitespace { slice.removeLast() }
        return String(slice)
    }
}
