import ConsoleCore
import Foundation
import ServiceDomain
import ServiceStore

/// Performs the comebacks and reports panels' store work and reports back as actions.
enum InsightsEffects {
    static func perform(_ request: InsightsRequest, _ context: EffectContext) -> [Action] {}
}
