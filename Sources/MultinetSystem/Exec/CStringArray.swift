#if canImport(Glibc)
import Glibc
#endif

/// A NULL-terminated array of C strings, as `argv` and `envp` are, freed on deinit.
struct CStringArray: ~Copyable {
    /// The array, terminated by a NULL pointer.
    let pointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>
    private let count: Int

    /// Copies `strings`, which must not contain NUL bytes; `nil` when memory runs out.
    init?(_ strings: [String]) {
        let pointer = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: strings.count + 1)
        for (index, string) in strings.enumerated() {
            guard let copy = strdup(string) else {
                for copied in 0..<index { free(pointer[copied]) }
                pointer.deallocate()
                return nil
            }
            pointer[index] = copy
        }
        pointer[strings.count] = nil
        self.pointer = pointer
        self.count = strings.count
    }

    deinit {
        for index in 0..<count { free(pointer[index]) }
        pointer.deallocate()
    }
}
