import MultinetCNI
@testable import MultinetCore
import Testing

@Suite("Delegate context")
struct DelegateContextTests {
    static let runtime: [String: String] = [
        "CNI_COMMAND": "ADD", "CNI_CONTAINERID": "abc-123_x.y", "CNI_NETNS": "/var/run/netns/x",
        "CNI_IFNAME": "eth0", "CNI_PATH": "/opt/cni/bin:/usr/lib/cni", "HOME": "/root",
        "CNI_ARGS": "IgnoreUnknown=1;K8S_POD_NAMESPACE=default;K8S_POD_NAME=web-0;K8S_POD_UID=u-1",
    ]

    static func context(ifName: String) throws -> DelegateContext {
        let env = try CNIEnvironment(runtime)
        return DelegateContext(containerID: env.containerID, netns: env.netns, ifName: ifName, cniPath: env.rawPath,
                               cniArgs: env.args.raw, binDir: ["/opt/multinet/bin"], baseEnvironment: env.inherited,
                               timeoutSeconds: 5)
    }

    @Test("delegates inherit the environment with the CNI variables replaced")
    func delegateEnvironment() throws {
        let out = try Self.context(ifName: "net1").environment(for: .del)
        #expect(out.contains("CNI_COMMAND=DEL"))
        #expect(out.contains("CNI_IFNAME=net1"))
        #expect(out.contains("HOME=/root"))
        #expect(out.contains("CNI_ARGS=\(Self.runtime["CNI_ARGS"]!)"))
        #expect(!out.contains("CNI_COMMAND=ADD"))
    }

    @Test("VERSION, STATUS and GC get no container variables", arguments: [CNICommand.version, .status, .gc])
    func noContainerVariables(command: CNICommand) throws {
        let names = try Self.context(ifName: "net1").environment(for: command).map { $0.prefix { $0 != "=" } }
        #expect(names.contains("CNI_COMMAND") && names.contains("CNI_PATH"))
        for name in ["CNI_CONTAINERID", "CNI_NETNS", "CNI_IFNAME", "CNI_ARGS"] { #expect(!names.contains(Substring(name))) }
    }
}
