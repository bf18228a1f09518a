import MultinetBenchmark
import Testing

@Suite("PhaseProfile: the plugin's timings lines")
struct PhaseProfileTests {
    static let log = """
        2026-11-29T22:04:21.438Z DEBUG multinet[7289]: timings command=ADD conf.read=0.14ms/1 config=1.37ms/1 container=x6 delegate.add=20.31ms/1 exit=0 store.write-durable=18.21ms/1 total=42.49ms
        2026-11-29T22:04:21.500Z INFO multinet[7289]: attached container=x6 interface=eth0 ms=35 network=podnet
        2026-11-29T22:04:21.529Z DEBUG multinet[7312]: timings command=DEL config=2.61ms/1 container=x6 delegate.del=61.60ms/1 exit=0 store.write=0.60ms/2 total=69.78ms
        2026-11-29T22:04:22.438Z DEBUG multinet[7400]: timings command=ADD conf.read=0.16ms/1 config=1.00ms/1 container=x7 delegate.add=30.00ms/1 exit=0 kube.pod=5.00ms/1 total=50.00ms
        """

    @Test("only the command's timings lines count; each phase keeps one sample per invocation that ran it")
    func collects() throws {
        var profile = PhaseProfile()
        #expect(profile.add(log: Self.log, command: "ADD") == 2)
        #expect(profile.invocations == 2)
        #expect(try #require(profile.phases["delegate.add"]).values == [20.31, 30.0])
        #expect(abs(try #require(profile.phases["total"]).median! - 46.245) < 1e-9)
        #expect(try #require(profile.phases["kube.pod"]).values == [5.0])
        #expect(profile.phases["delegate.del"] == nil)
        #expect(profile.phases["container"] == nil)
        #expect(profile.phases["exit"] == nil)
    }

    @Test("peakRSS is one sample per invocation that reports it, in MB, and no phase")
    func peak() throws {
        let log = """
            2026-12-07T22:04:21.438Z DEBUG multinet[1]: timings command=ADD config=1.00ms/1 peakRSS=10240kB privateRSS=512kB total=20.00ms
            2026-12-07T22:04:22.438Z DEBUG multinet[2]: timings command=ADD config=1.00ms/1 peakRSS=9216kB total=20.00ms
            2026-12-07T22:04:23.438Z DEBUG multinet[3]: timings command=ADD config=1.00ms/1 peakRSS=lots total=20.00ms
            2026-12-07T22:04:24.438Z DEBUG multinet[4]: timings command=DEL config=1.00ms/1 peakRSS=2048kB total=20.00ms
            """
        var profile = PhaseProfile()
        #expect(profile.add(log: log, command: "ADD") == 3)
        #expect(profile.peakRSS.values == [10.0, 9.0])
        #expect(profile.privateRSS.values == [0.5])
        #expect(profile.phases["peakRSS"] == nil)
    }

    @Test("DEL lines are read separately")
    func del() throws {
        var profile = PhaseProfile()
        #expect(profile.add(log: Self.log, command: "DEL") == 1)
        #expect(try #require(profile.phases["store.write"]).values == [0.6])
    }
}
