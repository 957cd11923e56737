// swift-tools-version:6.0
import PackageDescription

let strict: [SwiftSetting] = [
    .enableUpcomingFeature("ExistentialAny"),
]

let package = Package(
    name: "Transition",
    platforms: [.macOS(.v15)],
    products: [
        .executable(name: "transition", targets: ["transition"]),
        .library(name: "EventLog", targets: ["EventLog"]),
    ],
    targets: [
        .target(name: "TransitionSupport", swiftSettings: strict),
        .target(name: "EventLog", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .target(name: "Schedule", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .target(name: "CommandLineParsing", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .target(name: "TransitionKit", dependencies: ["EventLog", "TransitionSupport"], swiftSettings: strict),
        .target(
            name: "TransitionCommands", dependencies: ["TransitionKit", "EventLog", "CommandLineParsing", "TransitionSupport"],
            swiftSettings: strict),
        .executableTarget(name: "transition", dependencies: ["TransitionCommands"], swiftSettings: strict),
        .executableTarget(name: "transition-stress", dependencies: ["EventLog", "TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "TransitionSupportTests", dependencies: ["TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "ScheduleTests", dependencies: ["Schedule", "TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "CommandLineParsingTests", dependencies: ["CommandLineParsing", "TransitionSupport"], swiftSettings: strict),
        .testTarget(name: "EventLogTests", dependencies: ["EventLog", "TransitionSupport", "transition-stress"], swiftSettings: strict),
    ]
)
