import MultinetCNI
import MultinetJSON

extension SelectionParser {
    /// `k8s.v1.cni.cncf.io/networks`: `[namespace/]name[@ifname]` elements separated by
    /// commas, or a JSON list of selection elements.
    mutating func multus(_ text: String) throws -> PodNetworkRequest {
        dialect = .multus
        try checkSize(text)
        let selections: [NetworkSelection]
        if text.trimmingWhitespace().hasPrefix("[") {
            selections = try jsonList(text)
        } else {
            selections = try commaList(text)
        }
        var entries: [PodNetworkRequest.Entry] = []
        var defaultRouteElement: Int?
        for (index, selection) in selections.enumerated() {
            let ifName = selection.interfaceRequest ?? "net\(defaultNetworks + index + 1)"
            try claim(ifName, element: index, text: selection.qualifiedName)
            if !selection.defaultRoute.isEmpty {
                if let other = defaultRouteElement {
                    throw failure(index, selection.qualifiedName, "only one selection may set \"default-route\" (element \(other + 1) does too)")
                }
                defaultRouteElement = index
            }
            entries.append(.init(selection: selection, ifName: ifName, isDefault: false))
        }
        return PodNetworkRequest(dialect: .multus, selections: entries)
    }

    func commaList(_ text: String) throws -> [NetworkSelection] {
        let elements = text.split(separator: ",", omittingEmptySubsequences: false).map { String($0).trimmingWhitespace() }
        try checkCount(elements.count)
        var out: [NetworkSelection] = []
        for (index, element) in elements.enumerated() {
            if element.isEmpty { throw failure(index, nil, "the element is empty") }
            var rest = Substring(element)
            var interface: String?
            let atParts = rest.split(separator: "@", omittingEmptySubsequences: false)
            if atParts.count > 2 { throw failure(index, element, "more than one '@'") }
            if atParts.count == 2 {
                interface = String(atParts[1])
                rest = atParts[0]
            }
            let slashParts = rest.split(separator: "/", omittingEmptySubsequences: false)
            if slashParts.count > 2 { throw failure(index, element, "more than one '/': the form is [namespace/]name[@interface]") }
            let namespace = slashParts.count == 2 ? String(slashParts[0]) : pod.namespace
            let name = String(slashParts.last!)
            try checkNamespace(namespace, element: index, text: element)
            try checkName(name, element: index, text: element)
            out.append(NetworkSelection(name: name, namespace: namespace, interfaceRequest: interface))
        }
        return out
    }

    func jsonList(_ text: String) throws -> [NetworkSelection] {
        let value: JSONValue
        do {
            value = try JSONValue(parsing: text)
        } catch {
            throw failure(nil, nil, "it is not valid JSON: \(error.description)")
        }
        guard let array = value.arrayValue else { throw failure(nil, nil, "the JSON form must be a list of objects") }
        try checkCount(array.count)
        var out: [NetworkSelection] = []
        for (index, element) in array.enumerated() {
            guard let object = element.objectValue else {
                throw failure(index, nil, "each element must be an object, not \(element.kindName)")
            }
            out.append(try selection(from: object, index: index))
        }
        return out
    }

    private func string(_ object: JSONObject, _ key: String, index: Int, label: String) throws -> String? {
        guard let value = object[key], value != .null else { return nil }
        guard let s = value.stringValue else { throw failure(index, label, "\"\(key)\" must be a string, not \(value.kindName)") }
        return s
    }

    private func strings(_ object: JSONObject, _ key: String, index: Int, label: String) throws -> [String] {
        guard let value = object[key], value != .null else { return [] }
        guard let array = value.arrayValue else { throw failure(index, label, "\"\(key)\" must be a list of strings, not \(value.kindName)") }
        var out: [String] = []
        for item in array {
            guard let s = item.stringValue else { throw failure(index, label, "\"\(key)\" must be a list of strings") }
            out.append(s)
        }
        return out
    }

    func selection(from object: JSONObject, index: Int) throws -> NetworkSelection {
        guard let name = try string(object, "name", index: index, label: "") else {
            throw failure(index, nil, "\"name\" is missing")
        }
        let namespace = try string(object, "namespace", index: index, label: name) ?? pod.namespace
        let label = "\(namespace)/\(name)"
        try checkNamespace(namespace, element: index, text: label)
        try checkName(name, element: index, text: label)
        let interface = try string(object, "interface", index: index, label: label)
        var selection = NetworkSelection(name: name, namespace: namespace, interfaceRequest: interface)
        selection.ips = try strings(object, "ips", index: index, label: label)
        for ip in selection.ips where IPAddressPrefix(ip) == nil && IPAddress(ip) == nil {
            throw failure(index, label, "\"ips\" entry \"\(ip.prefix(64))\" is not an IP address")
        }
        if let mac = try string(object, "mac", index: index, label: label) {
            guard Self.isMAC(mac) else { throw failure(index, label, "\"mac\" \"\(mac.prefix(40))\" is not a MAC address like 02:00:00:00:00:01") }
            selection.mac = mac
        }
        if let args = object["cni-args"], args != .null {
            guard let argsObject = args.objectValue else { throw failure(index, label, "\"cni-args\" must be an object, not \(args.kindName)") }
            selection.cniArgs = argsObject
        }
        if let ports = object["portMappings"], ports != .null {
            guard ports.arrayValue != nil else { throw failure(index, label, "\"portMappings\" must be a list, not \(ports.kindName)") }
            selection.portMappings = ports
        }
        if let bandwidth = object["bandwidth"], bandwidth != .null {
            guard bandwidth.objectValue != nil else { throw failure(index, label, "\"bandwidth\" must be an object, not \(bandwidth.kindName)") }
            selection.bandwidth = bandwidth
        }
        selection.defaultRoute = try strings(object, "default-route", index: index, label: label)
        var familyGateway: [IPAddress.Family: String] = [:]
        for gateway in selection.defaultRoute {
            guard let address = IPAddress(gateway) else {
                throw failure(index, label, "\"default-route\" entry \"\(gateway.prefix(64))\" is not an IP address")
            }
            if let other = familyGateway[address.family], IPAddress(other) != address {
                throw failure(index, label, "\"default-route\" lists two \(address.family.name) gateways (\(other), \(gateway)): one default route per address family, no ECMP")
            }
            familyGateway[address.family] = gateway
        }
        selection.infinibandGUID = try string(object, "infiniband-guid", index: index, label: label)
        selection.ipamClaimReference = try string(object, "ipam-claim-reference", index: index, label: label)
        if selection.ipamClaimReference != nil && !selection.ips.isEmpty {
            throw failure(index, label, "\"ipam-claim-reference\" and \"ips\" cannot be used together")
        }
        return selection
    }

    /// Six pairs of ASCII hex digits separated by colons, as delegates parse a MAC. Checked
    /// byte by byte: `Character.isHexDigit` also accepts fullwidth digits (`０２:…`).
    static func isMAC(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        func isHex(_ b: UInt8) -> Bool {
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x46) || (b >= 0x61 && b <= 0x66)
        }
        return bytes.count == 17 && bytes.indices.allSatisfy { $0 % 3 == 2 ? bytes[$0] == UInt8(ascii: ":") : isHex(bytes[$0]) }
    }
}
