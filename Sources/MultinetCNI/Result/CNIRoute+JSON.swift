import MultinetJSON

extension CNIRoute {
    /// Reads one `routes` entry; `dst` is required.
    init(field: ResultField) throws(CNIError) {
        guard try field.object() != nil else { throw field.failure("expected an object, found null") }
        self.init(dst: try field["dst"].requiredPrefix(), gw: try field["gw"].address(),
                  mtu: try field["mtu"].int(), advMSS: try field["advmss"].int(),
                  priority: try field["priority"].int(), table: try field["table"].int(),
                  scope: try field["scope"].int())
    }

    /// The entry as the Go types write it: `dst` always, the rest only when set.
    var json: JSONValue {
        var object = JSONObject()
        object["dst"] = .string(dst.description)
        if let gw { object["gw"] = .string(gw.description) }
        if let mtu, mtu != 0 { object["mtu"] = .int(mtu) }
        if let advMSS, advMSS != 0 { object["advmss"] = .int(advMSS) }
        if let priority, priority != 0 { object["priority"] = .int(priority) }
        if let table { object["table"] = .int(table) }
        if let scope { object["scope"] = .int(scope) }
        return .object(object)
    }
}
