import MultinetJSON

extension CNIResult {
    /// Reads and validates a result document of any supported version.
    ///
    /// Throws CNI error 1 (incompatible version) when `cniVersion` names a version multinet
    /// does not speak, and CNI error 6 (decoding failure) naming the field otherwise: a
    /// missing `cniVersion`, a value of the wrong type, an address that is not `ADDRESS/LENGTH`,
    /// a gateway that is not an address, an `interface` index outside `interfaces`, and before
    /// 1.0.0 an `ips[].version` that is missing or not the address's family. Unknown keys are
    /// ignored, as the Go types ignore them.
    public init(json: JSONValue) throws(CNIError) {
        let root = ResultField(root: json)
        guard try root.object() != nil else {
            throw root.failure("expected an object, found \(json.kindName)")
        }
        let versionField = root["cniVersion"]
        let versionText = try versionField.requiredString()
        guard let version = CNIVersion(versionText), version.isSupported else {
            throw CNIError(code: CNIErrorCode.incompatibleVersion,
                           msg: "\(versionField.path): \(ResultField.quoted(versionText)) is not a CNI version multinet supports"
                               + " (\(CNIResult.supportedVersionList))")
        }
        var interfaces: [CNIInterface] = []
        for field in try root["interfaces"].elements() {
            interfaces.append(try CNIInterface(field: field))
        }
        var ips: [CNIIPConfig] = []
        for field in try root["ips"].elements() {
            ips.append(try CNIIPConfig(field: field, version: version, interfaceCount: interfaces.count))
        }
        var routes: [CNIRoute] = []
        for field in try root["routes"].elements() {
            routes.append(try CNIRoute(field: field))
        }
        self.init(cniVersion: version, interfaces: interfaces, ips: ips, routes: routes,
                  dns: try CNIDNS(field: root["dns"]))
    }

    /// Parses and validates a result document from its bytes; text that is not JSON is
    /// CNI error 6 (decoding failure).
    public init(parsing bytes: some Collection<UInt8>) throws(CNIError) {
        let json: JSONValue
        do {
            json = try JSONValue(parsing: bytes)
        } catch {
            throw CNIError(code: CNIErrorCode.decodingFailure, msg: "result: not valid JSON", details: error.description)
        }
        try self.init(json: json)
    }

    /// The document for this result's `cniVersion`, written field for field; `json(as:)`
    /// first drops what that version lacks. Keys are in the Go types' order and empty
    /// optional fields are left out, as their `omitempty` does.
    var document: JSONValue {
        var object = JSONObject()
        object["cniVersion"] = .string(cniVersion.description)
        if !interfaces.isEmpty { object["interfaces"] = .array(interfaces.map(\.json)) }
        if !ips.isEmpty { object["ips"] = .array(ips.map { $0.json(for: cniVersion) }) }
        if !routes.isEmpty { object["routes"] = .array(routes.map(\.json)) }
        if !dns.isEmpty { object["dns"] = dns.json }
        return .object(object)
    }

    /// `0.3.0, 0.3.1, 0.4.0, 1.0.0, 1.1.0`, for messages.
    static var supportedVersionList: String {
        CNIVersion.supported.map(\.description).joined(separator: ", ")
    }
}
