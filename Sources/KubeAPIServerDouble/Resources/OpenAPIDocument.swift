/// The OpenAPI v2 document kubectl downloads before `apply` validates a manifest: a
/// minimal protobuf-encoded `openapi.v2.Document` (gnostic), `swagger: "2.0"` with an
/// `info` and no definitions.
///
/// kubectl looks each manifest's kind up in the definitions and skips client-side
/// validation for kinds it does not find, so an empty document lets `kubectl apply` work
/// without `--validate=false`, as it does against clusters whose schemas lack a kind.
/// `/openapi/v3` stays 404: kubectl then computes patches from its compiled-in types.
enum OpenAPIDocument {
    /// The media type kubectl asks for (`Accept`); the `@` is not valid in a `Content-Type`.
    static let requestedType = "application/com.github.proto-openapi.spec.v2@v1.0+protobuf"
    /// The `Content-Type` the apiserver answers with.
    static let contentType = "application/com.github.proto-openapi.spec.v2.v1.0+protobuf"

    /// The protobuf bytes for `kubernetesVersion`.
    static func protobuf(kubernetesVersion: String) -> [UInt8] {
        let info = field(1, "Kubernetes") + field(2, kubernetesVersion)
        return field(1, "2.0") + field(2, info)
    }

    /// A length-delimited field (wire type 2).
    private static func field(_ number: UInt8, _ text: String) -> [UInt8] {
        field(number, Array(text.utf8))
    }

    private static func field(_ number: UInt8, _ bytes: [UInt8]) -> [UInt8] {
        [number << 3 | 2] + varint(bytes.count) + bytes
    }

    private static func varint(_ value: Int) -> [UInt8] {
        var value = UInt64(value)
        var bytes: [UInt8] = []
        repeat {
            var byte = UInt8(value & 0x7F)
            value >>= 7
            if value != 0 { byte |= 0x80 }
            bytes.append(byte)
        } while value != 0
        return bytes
    }
}
