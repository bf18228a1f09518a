import MultinetJSON

extension CNIIPConfig {
    /// Reads one `ips` entry of a result in `version`, with `interfaceCount` interfaces listed.
    ///
    /// Before 1.0.0 the entry's `version` is required and must name the address's family;
    /// from 1.0.0 on it is not part of the format and is ignored.
    init(field: ResultField, version: CNIVersion, interfaceCount: Int) throws(CNIError) {
        guard try field.object() != nil else { throw field.failure("expected an object, found null") }
        let address = try field["address"].requiredPrefix()
        if version < .v1_0_0 {
            let versionField = field["version"]
            guard let text = try versionField.string() else {
                throw versionField.failure("missing (required before CNI 1.0.0)")
            }
            guard let family = IPAddress.Family(cniVersionString: text) else {
                throw versionField.failure("\(ResultField.quoted(text)) is not \"4\" or \"6\"")
            }
            guard family == address.family else {
                throw versionField.failure("\(ResultField.quoted(text)) does not match the \(address.family.name) address \(address)")
            }
        }
        let interfaceField = field["interface"]
        let interface = try interfaceField.int()
        if let interface, !(0..<interfaceCount).contains(interface) {
            throw interfaceField.failure("\(interface) is out of range: the result lists \(interfaceCount) interface\(interfaceCount == 1 ? "" : "s")")
        }
        self.init(address: address, interface: interface, gateway: try field["gateway"].address())
    }

    /// The entry as the Go types of `version` write it: with `version` before 1.0.0.
    func json(for version: CNIVersion) -> JSONValue {
        var object = JSONObject()
        if version < .v1_0_0 { object["version"] = .string(family.cniVersionString) }
        if let interface { object["interface"] = .int(interface) }
        object["address"] = .string(address.description)
        if let gateway { object["gateway"] = .string(gateway.description) }
        return .object(object)
    }
}
