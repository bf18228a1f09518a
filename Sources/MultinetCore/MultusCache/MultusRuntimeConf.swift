import MultinetCNI
import MultinetJSON

/// What Multus passes a delegate besides its configuration (its `CreateCNIRuntimeConf`):
/// `CNI_ARGS` and the capability arguments libcni turns into `runtimeConfig`.
public enum MultusRuntimeConf {
    /// Where the network plumbing client library keeps device-info files for CNI plugins.
    public static let deviceInfoDirectory = "/var/run/k8s.cni.cncf.io/devinfo/cni"

    /// `CNI_ARGS` as Multus sets it for every delegate: `IgnoreUnknown=true` and the four
    /// `K8S_POD_*` values it read from the runtime's `CNI_ARGS` (empty when absent; the last
    /// occurrence wins, as CNI's argument loader reads them), then each of the runtime's
    /// pairs in order — a pair fills one of those five when that one is still empty, and
    /// is appended otherwise. (On ADD Multus also appends `MAC`/`IP` for `macRequest` and
    /// `ipRequest`; its DEL does not.)
    public static func cniArgs(_ runtime: CNIArgs) -> String {
        func value(_ key: String) -> String { runtime.pairs.last { $0.key == key }?.value ?? "" }
        var pairs: [(key: String, value: String)] = [
            ("IgnoreUnknown", "true"),
            ("K8S_POD_NAMESPACE", value("K8S_POD_NAMESPACE")),
            ("K8S_POD_NAME", value("K8S_POD_NAME")),
            ("K8S_POD_INFRA_CONTAINER_ID", value("K8S_POD_INFRA_CONTAINER_ID")),
            ("K8S_POD_UID", value("K8S_POD_UID")),
        ]
        for pair in runtime.pairs {
            if let slot = pairs.firstIndex(where: { $0.key == pair.key && $0.value.isEmpty && !pair.value.isEmpty }) {
                pairs[slot].value = pair.value
            } else {
                pairs.append(pair)
            }
        }
        return pairs.map { "\($0.key)=\($0.value)" }.joined(separator: ";")
    }

    /// The capability arguments of one delegate's call: those Multus understands in the
    /// runtime's `runtimeConfig` (`portMappings`, `bandwidth`, `ips`, `mac`,
    /// `infinibandGUID`, `deviceID`, `CNIDeviceInfoFile`), overridden for every delegate but
    /// the cluster network by the element's `ipRequest`, `macRequest`,
    /// `infinibandGUIDRequest` and `deviceID`; with a device ID, `CNIDeviceInfoFile` names
    /// the delegate's device-info file. Empty values are left out, as Multus leaves them out.
    ///
    /// A selection's `portMappings` and `bandwidth` do not appear: Multus does not write
    /// them into its cache entry, so its own DEL never had them either.
    public static func capabilityArgs(for delegate: MultusCachedDelegate, runtimeConfig: JSONObject,
                                      containerID: String, ifName: String) -> JSONObject {
        let portMappings = runtimeConfig["portMappings"]?.arrayValue.flatMap { $0.isEmpty ? nil : JSONValue.array($0) }
        let bandwidth = runtimeConfig["bandwidth"].flatMap { $0.objectValue == nil ? nil : $0 }
        var ips = runtimeConfig["ips"]?.arrayValue.map { $0.compactMap(\.stringValue) } ?? []
        var mac = runtimeConfig["mac"]?.stringValue ?? ""
        var infinibandGUID = runtimeConfig["infinibandGUID"]?.stringValue ?? ""
        var deviceID = runtimeConfig["deviceID"]?.stringValue ?? ""
        var deviceInfoFile = runtimeConfig["CNIDeviceInfoFile"]?.stringValue ?? ""
        if !delegate.isMaster {
            if let requested = delegate.ipRequest { ips = requested }
            if let requested = delegate.macRequest, !requested.isEmpty { mac = requested }
            if let requested = delegate.infinibandGUIDRequest, !requested.isEmpty { infinibandGUID = requested }
            if let requested = delegate.deviceID, !requested.isEmpty { deviceID = requested }
        }
        if !deviceID.isEmpty {
            let file = "\(delegate.name)-\(containerID)_\(ifName)".map { $0 == "/" ? "-" : $0 }
            deviceInfoFile = deviceInfoDirectory + "/" + String(file)
        }
        var args = JSONObject()
        if let portMappings { args["portMappings"] = portMappings }
        if let bandwidth { args["bandwidth"] = bandwidth }
        if !ips.isEmpty { args["ips"] = .array(ips.map(JSONValue.string)) }
        if !mac.isEmpty { args["mac"] = .string(mac) }
        if !infinibandGUID.isEmpty { args["infinibandGUID"] = .string(infinibandGUID) }
        if !deviceID.isEmpty { args["deviceID"] = .string(deviceID) }
        if !deviceInfoFile.isEmpty { args["CNIDeviceInfoFile"] = .string(deviceInfoFile) }
        return args
    }
}
