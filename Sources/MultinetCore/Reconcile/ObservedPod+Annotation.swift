import MultinetCNI
import MultinetJSON
import MultinetKubeAPI
import MultinetPlanning

extension ObservedPod {
    /// The pod as its metadata shows it: its UID and its `network-status` annotation.
    ///
    /// Each entry's `ips` are read as addresses: multinet writes them with a prefix length
    /// (`10.1.0.5/16`), Multus and the NPWG spec without (`10.1.0.5`); both compare equal to
    /// the recorded address, written canonically. An annotation that is not a JSON list
    /// reads as no entries (`[]`, so every attached interface then shows as missing from
    /// it), entries without a string `interface` are skipped.
    public init(metadata: ObjectMeta) {
        let status = metadata.annotations[NetworkStatus.annotation].map(Self.statusEntries)
        self.init(uid: metadata.uid ?? "", networkStatus: status)
    }

    /// The entries of a `network-status` value.
    public static func statusEntries(_ text: String) -> [StatusEntry] {
        guard let list = (try? JSONValue(parsing: text))?.arrayValue else { return [] }
        return list.compactMap { entry in
            guard let interface = entry["interface"]?.stringValue else { return nil }
            let ips = entry["ips"]?.arrayValue?.compactMap(\.stringValue).map(address) ?? []
            return StatusEntry(name: entry["name"]?.stringValue ?? "", interface: interface, ips: ips,
                               mac: entry["mac"]?.stringValue?.lowercased(), isDefault: entry["default"]?.boolValue ?? false)
        }
    }

    /// An address without its prefix length, canonical when it parses.
    static func address(_ text: String) -> String {
        let bare = text.split(separator: "/", maxSplits: 1).first.map(String.init) ?? text
        return IPAddress(bare)?.description ?? bare
    }
}
