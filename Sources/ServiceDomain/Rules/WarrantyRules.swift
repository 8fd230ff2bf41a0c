import Foundation

/// Whether a customer is an out-of-warranty owner (the ★ the desk treats with care).
public enum WarrantyRules {
    /// Derived from the cars' warranty end dates whenever one is known: the owner of any car whose
    /// warranty ended before `today`. Only a customer none of whose cars has a known end date keeps the
    /// stored mark (set by hand or by an import's `out_of_warranty` column), as nothing contradicts it.
    /// A stored flag alone went stale the day a warranty ended, so two customers whose warranties ended
    /// months apart could be marked differently.
    public static func isOutOfWarrantyOwner(marked: Bool, warrantyEnds: [CalendarDate?], today: CalendarDate) -> Bool {
        let known = warrantyEnds.compactMap { $0 }
        guard !known.isEmpty else { return marked }
        return known.contains { $0 < today }
    }
}
