import MultinetCore

extension KubeConfigSyntax {
    /// JSON and YAML kubeconfigs, as kubectl reads them: for the inspector and tools, never
    /// the plugin (Yams costs about 20 ms per process and brings all of Foundation).
    public static let jsonAndYAML = KubeConfigSyntax(yaml: { bytes, path throws(KubeConfigError) in
        try KubeConfigYAML.parse(bytes, path: path)
    })
}
