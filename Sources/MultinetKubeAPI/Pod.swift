import MultinetJSON

/// A pod (`v1`), with the fields multinet reads: which node runs it, its phase and IPs.
public struct Pod: KubeResource, Equatable {
    /// `pods` in the core group.
    public static let resourceType = KubeResourceType(group: "", version: "v1", kind: "Pod", plural: "pods")

    /// The pod's metadata.
    public var metadata: ObjectMeta
    /// `spec.nodeName`: empty until the pod is scheduled.
    public var nodeName: String?
    /// `status.phase` (`Pending`, `Running`, `Succeeded`, `Failed`, `Unknown`).
    public var phase: String?
    /// `status.podIPs[].ip`, falling back to `status.podIP`.
    public var podIPs: [String]
    /// The whole object.
    public var raw: JSONObject

    /// Decodes a pod.
    public init(json: JSONObject) throws(KubeDecodingError) {
        let root = KubeFieldReader(json)
        metadata = try ObjectMeta(root.nested("metadata"))
        nodeName = try root.nested("spec").string("nodeName")
        let status = try root.nested("status")
        phase = try status.string("phase")
        var ips: [String] = []
        for (index, entry) in try status.array("podIPs").enumerated() {
            guard let object = entry.objectValue else {
                throw .wrongType(field: "status.podIPs[\(index)]", expected: "an object", found: entry.kindName)
            }
            if let ip = try KubeFieldReader(object, path: "status.podIPs[\(index)]").string("ip") { ips.append(ip) }
        }
        if ips.isEmpty, let ip = try status.string("podIP") { ips = [ip] }
        podIPs = ips
        raw = json
    }
}
