import MultinetJSON

extension CNIResult {
    /// The result as `version` has it: `cniVersion` set and, below 1.1.0, the interface
    /// fields `mtu`, `socketPath` and `pciID` and the route fields `mtu`, `advmss`,
    /// `priority`, `table` and `scope` dropped. (`ips[].version` is not stored; it is
    /// written for versions before 1.0.0.) Throws CNI error 1 for a version multinet does
    /// not speak.
    public func converted(to version: CNIVersion) throws(CNIError) -> CNIResult {
        guard version.isSupported else {
            throw CNIError(code: CNIErrorCode.incompatibleVersion,
                           msg: "cannot convert a CNI \(cniVersion) result to version \(version):"
                               + " multinet supports \(CNIResult.supportedVersionList)")
        }
        var result = self
        result.cniVersion = version
        if version < .v1_1_0 {
            result.interfaces = interfaces.map { CNIInterface(name: $0.name, mac: $0.mac, sandbox: $0.sandbox) }
            result.routes = routes.map { CNIRoute(dst: $0.dst, gw: $0.gw) }
        }
        return result
    }

    /// The result as a document of `version`, as the CNI Go types would write it: see
    /// `converted(to:)`. Throws CNI error 1 for a version multinet does not speak.
    public func json(as version: CNIVersion) throws(CNIError) -> JSONValue {
        try converted(to: version).document
    }

    /// The result as a document of its own `cniVersion`.
    public func json() throws(CNIError) -> JSONValue {
        try json(as: cniVersion)
    }
}
