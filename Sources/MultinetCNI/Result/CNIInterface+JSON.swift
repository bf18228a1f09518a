import MultinetJSON

extension CNIInterface {
    /// Reads one `interfaces` entry. A missing `name` reads as empty, as Go reads it.
    init(field: ResultField) throws(CNIError) {
        guard try field.object() != nil else { throw field.failure("expected an object, found null") }
        self.init(name: try field["name"].string() ?? "", mac: try field["mac"].string(),
                  mtu: try field["mtu"].int(), sandbox: try field["sandbox"].string(),
                  socketPath: try field["socketPath"].string(), pciID: try field["pciID"].string())
    }

    /// The entry as the Go types write it: `name` always, the rest only when set.
    var json: JSONValue {
        var object = JSONObject()
        object["name"] = .string(name)
        if let mac, !mac.isEmpty { object["mac"] = .string(mac) }
        if let mtu, mtu != 0 { object["mtu"] = .int(mtu) }
        if let sandbox, !sandbox.isEmpty { object["sandbox"] = .string(sandbox) }
        if let socketPath, !socketPath.isEmpty { object["socketPath"] = .string(socketPath) }
        if let pciID, !pciID.isEmpty { object["pciID"] = .string(pciID) }
        return .object(object)
    }
}
