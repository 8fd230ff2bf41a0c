import Foundation
import ScreenKit
import ServiceDomain

/// A no-show is marked, or undone, only after the desk answers y to the question: one stray `n` must not
/// count against a customer in the no-show rate.
public struct NoShowQuestion: Sendable, Equatable {
    public var appointmentID: RowID
    public var version: Int
    /// Undo a no-show (instead of marking one).
    public var undo: Bool
    public var text: Message
}

enum AppointmentsNoShow {
    /// The question for `n` on this appointment; nil (with the reason on the status line) when neither applies.
    static func question(_ row: AppointmentListing, _ state: inout AppState) -> NoShowQuestion? {
        let a = row.appointment
        guard let id = a.id else { return nil }
        let who = "\(FreeText.sanitize(row.customerName)) \(Plate.display(row.plate))"
        let time = ShopTime.clock(a.slotStart, state.timeZone)
        if a.status == .noShow {
            return NoShowQuestion(appointmentID: id, version: a.version, undo: true,
                                  text: ReceptionStrings.askUndoNoShow(who, time: time))
        }
        do {
            // Asked only when the answer could be saved (the slot has begun, the appointment is still expected).
            try AppointmentRules.checkTransition(a, to: .noShow, now: state.now)
        } catch {
            state.status = StatusLine((error as? UserFacingError)?.message ?? ReceptionStrings.noShowNotOpen, kind: .warning)
            return nil
        }
        return NoShowQuestion(appointmentID: id, version: a.version, undo: false, text: ReceptionStrings.askNoShow(who, time: time))
    }

    enum Answer: Sendable, Equatable { case yes, no }

    /// y or n (either case); any other key leaves the question open.
    static let table = KeyTable<Answer>([
        KeyBinding([.character("y")], .yes, KeyStrings.yes, also: [.character("Y")]),
        KeyBinding([.character("n")], .no, KeyStrings.no, also: [.character("N")]),
    ])

    static func answer(_ state: inout AppState, _ key: Key) -> [Effect] {
        guard let q = state.reception.appointments.noShowQuestion else { return [] }
        switch table.match(key) {
        case .yes:
            state.reception.appointments.noShowQuestion = nil
            guard let day = state.reception.appointments.day else { return [] }
            if q.undo { return [.reception(.undoNoShow(id: q.appointmentID, version: q.version, reload: day))] }
            return [.reception(.setAppointmentStatus(id: q.appointmentID, version: q.version, status: .noShow, reload: day))]
        case .no:
            state.reception.appointments.noShowQuestion = nil
        case nil:
            break
        }
        return []
    }
}
