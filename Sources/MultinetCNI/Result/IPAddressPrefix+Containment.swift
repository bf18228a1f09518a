extension IPAddressPrefix {
    /// Whether `address` lies in this prefix's network (same family, same leading
    /// `prefixLength` bits): `10.1.0.5/24` contains `10.1.0.1`, not `10.1.1.1`.
    public func contains(_ address: IPAddress) -> Bool {
        guard address.family == family else { return false }
        var remaining = prefixLength
        for (mine, theirs) in zip(self.address.bytes, address.bytes) {
            guard remaining > 0 else { return true }
            let bits = min(remaining, 8)
            let mask = UInt8(truncatingIfNeeded: 0xFF << (8 - bits))
            if mine & mask != theirs & mask { return false }
            remaining -= bits
        }
        return true
    }
}
