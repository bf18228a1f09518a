/// The document syntaxes a kubeconfig reader accepts.
///
/// JSON is always read, by multinet's own parser. YAML needs a YAML parser, which costs
/// about 20 ms per process and pulls all of Foundation into the binary; the plugin, on every
/// pod's start-up path, reads JSON only (``jsonOnly``). The inspector and tests add YAML
/// through the `MultinetKubeYAML` module's `KubeConfigSyntax.jsonAndYAML`.
public struct KubeConfigSyntax: Sendable {
    /// Turns a document that is not JSON into the JSON value it stands for; `nil` when
    /// only JSON is accepted.
    public var yaml: (@Sendable (_ bytes: [UInt8], _ path: String) throws(KubeConfigError) -> JSONValue)?

    /// A reader accepting JSON and, through `yaml`, YAML.
    public init(yaml: (@Sendable (_ bytes: [UInt8], _ path: String) throws(KubeConfigError) -> JSONValue)?) {
        self.yaml = yaml
    }

    /// JSON kubeconfigs only: what the plugin reads.
    public static let jsonOnly = KubeConfigSyntax(yaml: nil)

    /// Why a YAML kubeconfig is refused by a JSON-only reader, and how to convert it.
    static func yamlRefusal(path: String) -> KubeConfigError {
        .malformed(path: path, key: nil,
                   reason: "it is YAML, and the multinet plugin reads JSON kubeconfigs only (parsing YAML would add about 20 ms to every pod start); convert it with `kubectl config view --raw --flatten -o json --kubeconfig \(path)`")
    }
}
