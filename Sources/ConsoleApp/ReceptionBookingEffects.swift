import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// Booking a new customer from the Appointments panel (F4): the duplicate check while typing, and
/// creating the customer and car with the booking in one store transaction.
extension ReceptionEffects {
    static func performBooking(_ request: BookingRequest, _ context: EffectContext) -> [Action] {
        let db = context.db
        do {
            switch request {
            case .checkDuplicates(let phone, let plate, let vin):
                return [.reception(.bookingDuplicatesFound(try db.duplicates(phone: phone, plate: plate, vin: vin)))]

            case .bookNewCustomer(let customer, let vehicle, let appointment, let reason, let reload):
                // Same refusal as a walk-in check-in: an existing phone, plate or VIN is offered instead.
                let matches = try context.desk.bookNewCustomer(customer, vehicle: vehicle, appointment: appointment,
                                                               overrideReason: reason, now: context.now,
                                                               timeZone: context.timeZone)
                if !matches.isEmpty { return [.reception(.bookingDuplicatesFound(matches))] }
                return [.reception(.newCustomerBooked(reload: reload))]
            }
        } catch {
            let message = (error as? UserFacingError)?.message ?? Strings.loadFailed
            switch request {
            case .checkDuplicates:
                return [.reception(.loadFailed(message))]
            case .bookNewCustomer:
                return [.reception(.appointmentFailed(message, needsOverride: (error as? ValidationError)?.field == .reason))]
            }
        }
    }
}
