import MultinetJSON

extension CNIDNS {
    /// Reads a result's `dns`; absent or `null` reads as empty.
    init(field: ResultField) throws(CNIError) {
        _ = try field.object()
        self.init(nameservers: try field["nameservers"].strings(), domain: try field["domain"].string(),
                  search: try field["search"].strings(), options: try field["options"].strings())
    }

    /// The settings as the Go types write them: only the fields that are set.
    package var json: JSONValue {
        var object = JSONObject()
        if !nameservers.isEmpty { object["nameservers"] = .array(nameservers.map(JSONValue.string)) }
        if let domain, !domain.isEmpty { object["domain"] = .string(domain) }
        if !search.isEmpty { object["search"] = .array(search.map(JSONValue.string)) }
        if !options.isEmpty { object["options"] = .array(options.map(JSONValue.string)) }
        return .object(object)
    }
}
