import Foundation
import ScreenKit
import ServiceDomain

/// A new customer and their car as typed at the desk (name, phone, plate, optional VIN, model):
/// shared by the walk-in check-in form (F3) and booking a new customer (F4) so both validate the
/// same way and both offer an existing record instead of creating a second one.
public struct NewCustomerEntry: Sendable, Equatable {
    /// In Tab order (the same order as the check-in form).
    public static let fields: [CheckInField] = [.name, .phone, .plate, .vin, .model]

    public var texts: [CheckInField: TextInputState] = [:]
    /// Existing records matching the typed phone, plate or VIN.
    public var duplicates: [DuplicateMatch] = []

    /// Pre-fills from what was typed in a search: digits go to the phone, anything else to the plate.
    public init(query: String = "") {
        for f in Self.fields { texts[f] = TextInputState() }
        let (plate, phone) = Self.split(query)
        texts[.plate] = TextInputState(text: plate)
        texts[.phone] = TextInputState(text: phone)
    }

    /// A search text as (plate, phone) for a new-customer form.
    public static func split(_ query: String) -> (plate: String, phone: String) {
        let q = FreeText.sanitize(query).trimmingCharacters(in: .whitespaces)
        let looksLikePhone = !q.isEmpty && q.allSatisfy { $0.isASCII && ($0.isNumber || $0 == "-" || $0 == " ") }
        return looksLikePhone ? ("", q) : (q, "")
    }

    public func text(_ f: CheckInField) -> String { texts[f]?.text ?? "" }

    /// Focus moved from `old` to `new` (nil: a field outside the entry): a prefilled value is selected,
    /// so typing replaces it, as in the check-in form.
    mutating func enter(_ new: CheckInField?, leaving old: CheckInField) {
        texts[old]?.deselect()
        if let new { texts[new]?.selectAll() }
    }

    public var hasInput: Bool { texts.values.contains { !$0.isEmpty } }

    /// Leaving one of these fields looks for an existing record with the same phone, plate or VIN.
    public static func triggersDuplicateCheck(_ field: CheckInField) -> Bool { [.phone, .plate, .vin].contains(field) }

    /// Why a typed character is refused in `field` at the key (numbers and phones), or nil to type it.
    /// Refusing at the key keeps a value typed after a refused Tab from landing in the wrong field.
    public static func refusal(of key: Key, in field: CheckInField) -> Message? {
        guard case .character(let c) = key else { return nil }
        switch field {
        case .phone, .contactPhone:
            return PhoneNumber.mayContain(c) ? nil : ReceptionStrings.phoneDigitsOnly(field)
        case .mileage, .labour, .parts, .hours:
            return c.isASCII && (c.isNumber || c == "." || c == ",") ? nil : ReceptionStrings.digitsOnly(field)
        default:
            return nil
        }
    }

    /// Throws the validator's error for one of the five identity fields; other fields pass.
    public static func validate(_ field: CheckInField, _ value: String) throws {
        switch field {
        case .name: _ = try PersonName.validate(value)
        case .phone: _ = try PhoneNumber.validate(value)
        case .plate: _ = try Plate.validate(value)
        case .vin: if !VIN.normalize(value).isEmpty { _ = try VIN.validate(value) }
        case .model: _ = try FreeText.clean(value, field: .model, maxLength: VehicleRules.modelMaxLength, required: true)
        default: break
        }
    }

    /// The message for a value that does not validate; nil when it is fine.
    public static func problem(_ check: () throws -> Void) -> Message? {
        do {
            try check()
            return nil
        } catch let error as UserFacingError {
            return error.message
        } catch {
            return Message(zh: "输入有误", en: "Invalid input")
        }
    }

    public func problem(in field: CheckInField) -> Message? {
        Self.problem { try Self.validate(field, text(field)) }
    }

    /// The first field that does not validate, with its message.
    public func firstProblem() -> (CheckInField, Message)? {
        for f in Self.fields { if let m = problem(in: f) { return (f, m) } }
        return nil
    }

    /// The records to create; call after `firstProblem` returned nil. Ids are filled in by the store.
    public func records(preferredCallTime: String = "") -> (customer: Customer, vehicle: Vehicle) {
        (Customer(name: text(.name), phones: [text(.phone)], preferredCallTime: preferredCallTime),
         Vehicle(ownerID: 0, vin: text(.vin), plate: text(.plate), model: text(.model)))
    }
}
