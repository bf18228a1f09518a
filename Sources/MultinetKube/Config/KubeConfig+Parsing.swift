import MultinetJSON

extension KubeConfig {
    /// Parses one kubeconfig file's contents, JSON or YAML. `path` is used to resolve
    /// relative paths and in error messages.
    ///
    /// A document whose first non-blank byte is `{` is JSON and is read by multinet's JSON
    /// parser (when it is not valid JSON, as a YAML flow mapping with unquoted keys or a
    /// repeated key, it is read as YAML, as kubectl reads it); anything else is YAML, read by libyaml into the same JSON value (see
    /// ``YAMLNode/jsonValue()`` for how its scalars resolve, as kubectl resolves them). An
    /// empty file, or a YAML one holding only comments or `null`, is an empty
    /// configuration, as for kubectl. Errors give the line of a YAML file's fault and never
    /// quote its text.
    public static func parse(_ bytes: [UInt8], path: String) throws(KubeConfigError) -> KubeConfig {
        var format = detectFormat(bytes)
        let document: JSONValue
        switch format {
        case .json:
            do {
                document = try JSONValue(parsing: bytes)
            } catch {
                guard let yaml = try? JSONValue(parsingYAML: bytes) else {
                    throw .malformed(path: path, key: nil, reason: "invalid JSON: \(error.description)")
                }
                document = yaml
                format = .yaml
            }
        case .yaml:
            do {
                document = try JSONValue(parsingYAML: bytes)
            } catch {
                throw .malformed(path: path, key: nil, reason: "invalid YAML at \(error.description)")
            }
        }
        let object: JSONObject
        switch document {
        case .object(let root): object = root
        case .null: object = JSONObject()
        default: throw .malformed(path: path, key: nil, reason: "the document must be a mapping, not \(document.kindName)")
        }
        let root = KubeConfigReader(path: path, key: "", object: object, yaml: format == .yaml ? bytes : nil)
        var config = try read(root)
        config.paths = [path]
        config.formats = [format]
        return config
    }

    /// JSON when the first byte after blanks (and a UTF-8 byte order mark) is `{`.
    static func detectFormat(_ bytes: [UInt8]) -> KubeConfigFormat {
        var index = bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
        while index < bytes.count {
            switch bytes[index] {
            case 0x20, 0x09, 0x0A, 0x0D: index += 1
            case UInt8(ascii: "{"): return .json
            default: return .yaml
            }
        }
        return .yaml
    }

    private static func read(_ root: KubeConfigReader) throws(KubeConfigError) -> KubeConfig {
        var config = KubeConfig()
        config.currentContext = try root.nonEmptyString("current-context")
        for entry in try root.objects("clusters") {
            let name = try requiredName(entry)
            guard config.clusters[name] == nil else { continue }
            config.clusters[name] = try readCluster(name: name, entry: entry)
        }
        for entry in try root.objects("users") {
            let name = try requiredName(entry)
            guard config.users[name] == nil else { continue }
            config.users[name] = try readUser(name: name, entry: entry)
        }
        for entry in try root.objects("contexts") {
            let name = try requiredName(entry)
            guard config.contexts[name] == nil else { continue }
            let body = try entry.object("context", key: "context \"\(name)\"")
            config.contexts[name] = Context(
                name: name,
                cluster: try body?.string("cluster") ?? "",
                user: try body?.string("user") ?? "",
                namespace: try body?.nonEmptyString("namespace"),
                source: root.path
            )
        }
        return config
    }

    private static func requiredName(_ entry: KubeConfigReader) throws(KubeConfigError) -> String {
        guard let name = try entry.nonEmptyString("name") else {
            throw .malformed(path: entry.path, key: entry.key, reason: "the entry has no name" + entry.position([]))
        }
        return name
    }

    private static func readCluster(name: String, entry: KubeConfigReader) throws(KubeConfigError) -> Cluster {
        let key = "cluster \"\(name)\""
        guard let body = try entry.object("cluster", key: key) else {
            throw .malformed(path: entry.path, key: key, reason: "the entry has no \"cluster\" mapping")
        }
        return Cluster(
            name: name,
            server: try body.string("server") ?? "",
            certificateAuthority: try body.filePath("certificate-authority"),
            certificateAuthorityData: try body.base64("certificate-authority-data"),
            insecureSkipTLSVerify: try body.bool("insecure-skip-tls-verify") ?? false,
            tlsServerName: try body.nonEmptyString("tls-server-name"),
            source: entry.path
        )
    }

    private static func readUser(name: String, entry: KubeConfigReader) throws(KubeConfigError) -> User {
        var user = User(name: name, source: entry.path)
        guard let body = try entry.object("user", key: "user \"\(name)\"") else { return user }
        user.token = try body.nonEmptyString("token")
        user.tokenFile = try body.filePath("tokenFile")
        user.clientCertificate = try body.filePath("client-certificate")
        user.clientKey = try body.filePath("client-key")
        user.clientCertificateData = try body.base64("client-certificate-data")
        user.clientKeyData = try body.base64("client-key-data")
        user.username = try body.nonEmptyString("username")
        user.password = try body.string("password")
        if let provider = try body.object("auth-provider") {
            user.authProvider = try provider.nonEmptyString("name") ?? "(unnamed)"
        }
        if let exec = try body.object("exec") {
            user.exec = try readExec(exec)
        }
        return user
    }

    private static func readExec(_ exec: KubeConfigReader) throws(KubeConfigError) -> KubeExecConfig {
        guard let command = try exec.nonEmptyString("command") else {
            throw .malformed(path: exec.path, key: exec.key, reason: "command is missing")
        }
        guard let apiVersion = try exec.nonEmptyString("apiVersion") else {
            throw .malformed(path: exec.path, key: exec.key, reason: "apiVersion is missing")
        }
        guard apiVersion == KubeExecConfig.v1 || apiVersion == KubeExecConfig.v1beta1 else {
            throw .invalidValue(path: exec.path, key: exec.key + ": apiVersion",
                                reason: "\"\(apiVersion)\" is not supported; use \(KubeExecConfig.v1) or \(KubeExecConfig.v1beta1)")
        }
        var env: [KubeExecConfig.EnvironmentVariable] = []
        for variable in try exec.objects("env") {
            guard let name = try variable.nonEmptyString("name") else {
                throw .malformed(path: exec.path, key: variable.key, reason: "the variable has no name")
            }
            env.append(.init(name: name, value: try variable.string("value") ?? ""))
        }
        // client-go: a command with a slash is relative to the kubeconfig; a bare name is looked up in PATH.
        let resolved = command.contains("/")
            ? KubeConfigPath.resolve(command, relativeTo: KubeConfigPath.directory(of: exec.path))
            : command
        return KubeExecConfig(
            command: resolved,
            args: try exec.stringArray("args") ?? [],
            env: env,
            apiVersion: apiVersion,
            installHint: try exec.nonEmptyString("installHint"),
            provideClusterInfo: try exec.bool("provideClusterInfo") ?? false
        )
    }
}
