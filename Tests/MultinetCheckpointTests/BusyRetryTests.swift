@testable import MultinetCheckpoint
import Testing

@Suite("The store's lock waits: back-off of the busy handler")
struct BusyRetryTests {
    @Test("sleeps 0.5 ms, then 1, 2 and at most 4 ms, eight retries each", arguments: [
        (0, 500), (7, 500), (8, 1_000), (15, 1_000), (16, 2_000), (23, 2_000), (24, 4_000), (10_000, 4_000), (-1, 500),
    ] as [(Int32, Int64)])
    func schedule(attempt: Int32, microseconds: Int64) {
        #expect(SQLiteConnection.busyRetryMicroseconds(attempt: attempt) == microseconds)
    }

    @Test("the time waited before a retry is the sum of the sleeps before it")
    func waited() {
        var sum: Int64 = 0
        for attempt in Int32(0)..<200 {
            #expect(SQLiteConnection.busyWaitedMicroseconds(before: attempt) == sum)
            sum += SQLiteConnection.busyRetryMicroseconds(attempt: attempt)
        }
    }

    @Test("a 30 s timeout gives up after about 30 s of sleeps, not after a count of retries")
    func timeout() {
        let timeoutMicroseconds: Int64 = 30_000 * 1_000
        var attempt: Int32 = 0
        while SQLiteConnection.busyWaitedMicroseconds(before: attempt) < timeoutMicroseconds { attempt += 1 }
        let waited = SQLiteConnection.busyWaitedMicroseconds(before: attempt)
        #expect(waited >= timeoutMicroseconds && waited < timeoutMicroseconds + 4_000)
        #expect(attempt < 7_600)
    }
}
