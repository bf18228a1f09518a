import MultinetCNI
import MultinetCheckpoint

/// The checkpoint store could not be opened, read or written (code 101): what multinet
/// was doing, and the store's own error as the details.
struct StoreFailure: CNIErrorConvertible, CustomStringConvertible {
    /// What could not be done, e.g. "cannot read the checkpoint store".
    var action: String
    /// The store's error.
    var underlying: CheckpointError

    var cniError: CNIError {
        CNIError(code: CNIErrorCode.storeFailure, msg: action, details: underlying.description)
    }
}
