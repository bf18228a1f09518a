import Testing

/// The trait of end-to-end tests: `@Test(.endToEnd)` or `@Suite(.endToEnd)`.
///
/// Before the test runs it asks ``E2EEnvironment/decision``:
/// - `.run` — everything is there; the test runs.
/// - `.skip` — something is missing and `MULTINET_REQUIRE_E2E` is not set: the test is
///   skipped with a comment naming exactly what is missing.
/// - `.fail` — something is missing and `MULTINET_REQUIRE_E2E=1` (CI): the test is not
///   skipped but fails at once with that list, without running its body.
///
/// So a test body never runs on a machine that cannot support it: every test of
/// `MultinetEndToEndTests` that needs root, the plugins or `ip` carries this trait (on
/// itself or its suite).
public struct EndToEndTrait: TestTrait, SuiteTrait {
    private let decide: @Sendable () -> E2EEnvironment.Decision

    /// A trait that decides with `decide` (by default, this machine's ``E2EEnvironment/decision``).
    public init(decide: @escaping @Sendable () -> E2EEnvironment.Decision = { E2EEnvironment.decision }) {
        self.decide = decide
    }

    /// Applied to every test of a suite it is attached to.
    public var isRecursive: Bool { true }

    /// Skips the test, fails it, or lets it run, as ``E2EEnvironment/decision`` says.
    public func prepare(for test: Test) async throws {
        switch decide() {
        case .run:
            return
        case .skip(let reason):
            // ConditionTrait is the public way to skip: let it throw its skip.
            try await ConditionTrait.disabled(Comment(rawValue: reason)).prepare(for: test)
        case .fail(let message):
            // On a suite, let each test fail on its own rather than also failing the suite.
            guard !test.isSuite else { return }
            throw EndToEndPrerequisiteError(message: message)
        }
    }
}

extension Trait where Self == EndToEndTrait {
    /// Marks an end-to-end test: skipped when the machine lacks what it needs, unless
    /// `MULTINET_REQUIRE_E2E=1`, when it fails instead. See ``EndToEndTrait``.
    public static var endToEnd: Self { EndToEndTrait() }
}

/// The failure an ``EndToEndTrait`` reports when prerequisites are missing but required.
public struct EndToEndPrerequisiteError: Error, Sendable, CustomStringConvertible {
    /// What is missing, and that `MULTINET_REQUIRE_E2E` demanded it.
    public var message: String

    /// The message.
    public var description: String { message }
}
