import Foundation
import Testing
@testable import MultinetSystem

extension ExecTests {
    @Suite("Process runner: errors")
    struct ProcessRunnerErrorTests {
        @Test("spawning a path that cannot be executed names the path and the system error", arguments: [
            ("missing", ENOENT, "No such file or directory"),
            ("not-executable", EACCES, "Permission denied"),
            ("directory", EACCES, "Permission denied"),
            ("no-format", ENOEXEC, "Exec format error"),
        ])
        func spawnFailed(kind: String, code: Int32, text: String) throws {
            let directory = FileManager.default.temporaryDirectory
                .appendingPathComponent("multinet-exec-\(getpid())-\(UInt32.random(in: 0...UInt32.max))")
            try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: directory) }
            let path: String
            switch kind {
            case "not-executable":
                path = directory.appendingPathComponent("plugin").path
                #expect(FileManager.default.createFile(atPath: path, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o644]))
            case "directory":
                path = directory.path
            case "no-format":
                path = directory.appendingPathComponent("plugin").path
                #expect(FileManager.default.createFile(atPath: path, contents: Data("garbage\n".utf8), attributes: [.posixPermissions: 0o755]))
            default:
                path = directory.appendingPathComponent("missing/plugin").path
            }

            let error = #expect(throws: ProcessRunnerError.self) {
                try ProcessRunner.run(ProcessRequest(executable: path, timeoutSeconds: 10))
            }
            #expect(error == .spawnFailed(executable: path, errno: code))
            #expect(error?.errno == code)
            #expect(error?.description == "cannot start \(path): \(text) (errno \(code))")
        }

        @Test("requests that cannot be passed to posix_spawn are rejected before anything starts", arguments: [
            ProcessRequest(executable: "bin/true", timeoutSeconds: 1),
            ProcessRequest(executable: "", timeoutSeconds: 1),
            ProcessRequest(executable: "/bin/true\0x", timeoutSeconds: 1),
            ProcessRequest(executable: "/bin/true", arguments: ["a\0b"], timeoutSeconds: 1),
            ProcessRequest(executable: "/bin/true", environment: ["NOEQUALS"], timeoutSeconds: 1),
            ProcessRequest(executable: "/bin/true", environment: ["=value"], timeoutSeconds: 1),
            ProcessRequest(executable: "/bin/true", environment: ["A=\0"], timeoutSeconds: 1),
            ProcessRequest(executable: "/bin/true", timeoutSeconds: 0),
            ProcessRequest(executable: "/bin/true", timeoutSeconds: -1),
            ProcessRequest(executable: "/bin/true", timeoutSeconds: .nan),
            ProcessRequest(executable: "/bin/true", timeoutSeconds: 1, outputLimit: -1),
        ])
        func invalidRequest(request: ProcessRequest) throws {
            let error = #expect(throws: ProcessRunnerError.self) { try ProcessRunner.run(request) }
            guard case .invalidRequest(let executable, let reason)? = error else {
                Issue.record("expected invalidRequest, got \(String(describing: error))")
                return
            }
            #expect(executable == request.executable)
            #expect(!reason.isEmpty)
            #expect(error?.errno == nil)
            #expect(error?.description.hasPrefix("cannot run \(request.executable): ") == true)
        }

        @Test("error descriptions carry the executable, the call and strerror's text", arguments: [
            (ProcessRunnerError.pipeFailed(errno: EMFILE), "cannot create pipes for a child process: Too many open files (errno 24)"),
            (.spawnSetupFailed(executable: "/p", function: "posix_spawnattr_init", errno: ENOMEM),
             "cannot prepare to start /p: posix_spawnattr_init: Cannot allocate memory (errno 12)"),
            (.pollFailed(executable: "/p", errno: EINVAL), "cannot wait for the pipes of /p: poll: Invalid argument (errno 22)"),
            (.readFailed(executable: "/p", errno: EIO), "cannot read the output of /p: Input/output error (errno 5)"),
            (.writeFailed(executable: "/p", errno: EBADF), "cannot write the input of /p: Bad file descriptor (errno 9)"),
            (.waitFailed(executable: "/p", pid: 42, errno: ECHILD), "cannot wait for /p (pid 42): No child processes (errno 10)"),
        ])
        func descriptions(error: ProcessRunnerError, text: String) {
            #expect(error.description == text)
        }
    }
}
