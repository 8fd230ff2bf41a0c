import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// Performs the reception panels' store work and reports back as actions.
enum ReceptionEffects {
    static func perform(_ request: ReceptionRequest, _ context: EffectContext) -> [Action] {}
}
