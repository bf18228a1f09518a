import Foundation

extension HostLocalReservations {
    /// Every reservation of every network under host-local's `dataDir` (each subdirectory is
    /// one network), whatever the networks are called.
    public static func everything(under dataDir: String) throws -> [Reservation] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dataDir)) ?? []
        return try names.sorted().flatMap { name -> [Reservation] in
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: dataDir + "/" + name, isDirectory: &isDirectory),
                  isDirectory.boolValue else { return [] }
            return try HostLocalReservations(dataDir: dataDir, network: name).all()
        }
    }
}
