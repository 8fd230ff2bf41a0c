import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// Performs the workshop panels' store work and reports back as actions.
enum WorkshopEffects {
    static func perform(_ request: WorkshopRequest, _ context: EffectContext) -> [Action] {}
}
