// The socialcart Kotlin binding as a stand-alone Android library build (one module, this
// directory). UNTESTED: no Android SDK, NDK or Gradle on the machines this project is built
// on; see bindings/kotlin/README.md ("Android") for how to build it and what was checked.
//
// An app uses it as an included build: in the app's settings.gradle.kts
//     includeBuild("path/to/socialcart/bindings/kotlin/android")
// and in the app module
//     implementation("socialcart:socialcart-android:0.3.0")
pluginManagement {
    repositories {
        google()
        mavenCentral()
        gradlePluginPortal()
    }
}

dependencyResolutionManagement {
    repositoriesMode.set(RepositoriesMode.FAIL_ON_PROJECT_REPOS)
    repositories {
        google()
        mavenCentral()
    }
}

rootProject.name = "socialcart-android"
