import Foundation

extension Date {
    /// The date as the databases give it back: whole microseconds. Keyset cursors compare a stored
    /// date with one read back; storing it already rounded makes the two identical (SQLiteNIO rounds
    /// to microseconds when reading, PostgreSQL keeps microseconds).
    public var storageRounded: Date {
        Date(timeIntervalSinceReferenceDate: (timeIntervalSinceReferenceDate * 1e6).rounded() / 1e6)
    }
}
