import X509

/// How the apiserver turns a client certificate into a user: the subject's common name is
/// the user name, each organization a group.
enum ClientCertificateIdentity {
    /// The user of `certificate`, or `nil` when it has no common name.
    static func user(of certificate: Certificate) -> KubeUser? {
        var name: String?
        var groups: [String] = []
        for rdn in certificate.subject {
            for attribute in rdn {
                guard let value = String(attribute.value) else { continue }
                if attribute.type == .RDNAttributeType.commonName {
                    name = value
                } else if attribute.type == .RDNAttributeType.organizationName {
                    groups.append(value)
                }
            }
        }
        guard let name, !name.isEmpty else { return nil }
        return KubeUser(name: name, groups: groups)
    }
}
