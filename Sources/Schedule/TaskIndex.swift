import TransitionSupport

/// Task id -> position in workflow-file order, the first occurrence winning.
typealias TaskIndex = StringIndex
