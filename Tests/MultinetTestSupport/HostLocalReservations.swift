import Foundation

/// What the `host-local` IPAM plugin has reserved for one network, read from its data
/// directory (`<dataDir>/<network name>/`).
///
/// host-local keeps one file per reserved address, named by the address (`10.123.4.2`),
/// holding `CONTAINERID\r\nIFNAME` — that is what Debian's 1.1.1 writes; releases before
/// 0.8 wrote only the container ID, which is read too. Beside them are
/// `last_reserved_ip.N` (one per range set) and `lock`, which are not reservations.
public struct HostLocalReservations: Sendable {
    /// One reserved address.
    public struct Reservation: Sendable, Hashable, CustomStringConvertible {
        /// The address, without prefix length (`"10.123.4.2"`).
        public var ip: String
        /// The container ID that holds it.
        public var containerID: String
        /// The interface it was reserved for, when the file records it.
        public var ifname: String?

        /// A reservation from its parts.
        public init(ip: String, containerID: String, ifname: String?) {
            self.ip = ip
            self.containerID = containerID
            self.ifname = ifname
        }

        /// `IP → CONTAINERID/IFNAME`.
        public var description: String {
            "\(ip) → \(containerID)" + (ifname.map { "/\($0)" } ?? "")
        }
    }

    /// host-local's `dataDir` (its default is `/var/lib/cni/networks`).
    public var dataDir: String
    /// The network's `name`, which host-local uses as the subdirectory.
    public var network: String

    /// Reads reservations of `network` under `dataDir`.
    public init(dataDir: String, network: String) {
        self.dataDir = dataDir
        self.network = network
    }

    /// `<dataDir>/<network>`.
    public var directory: String { dataDir + "/" + network }

    /// Every reservation, sorted by address. Empty when host-local never ran for the network.
    public func all() throws -> [Reservation] {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: directory)
        } catch CocoaError.fileReadNoSuchFile {
            return []
        } catch {
            if !FileManager.default.fileExists(atPath: directory) { return [] }
            throw error
        }
        return try names
            .filter { $0 != "lock" && !$0.hasPrefix("last_reserved_ip") && !$0.hasPrefix(".") }
            .map { name in
                let text = try String(contentsOfFile: directory + "/" + name, encoding: .utf8)
                let lines = text.components(separatedBy: "\r\n").flatMap { $0.components(separatedBy: "\n") }
                let containerID = lines.first?.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
                let ifname = lines.dropFirst().first?.trimmingCharacters(in: .whitespacesAndNewlines)
                return Reservation(ip: name, containerID: containerID, ifname: ifname?.isEmpty == false ? ifname : nil)
            }
            .sorted { $0.ip.compare($1.ip, options: .numeric) == .orderedAscending }
    }

    /// The reserved addresses, sorted.
    public func ips() throws -> [String] {
        try all().map(\.ip)
    }

    /// The reservations that `containerID` holds (optionally only for `ifname`).
    public func held(by containerID: String, ifname: String? = nil) throws -> [Reservation] {
        try all().filter { $0.containerID == containerID && (ifname == nil || $0.ifname == ifname) }
    }

    /// The address host-local last handed out in range set `index`, if it recorded one.
    public func lastReserved(rangeSet index: Int = 0) -> String? {
        (try? String(contentsOfFile: directory + "/last_reserved_ip.\(index)", encoding: .utf8))?
            .trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
