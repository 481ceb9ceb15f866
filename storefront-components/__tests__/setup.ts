import "@testing-library/jest-dom"

beforeEach(() => {
  // the SDK boundary spec runs in node, without a window
  if (typeof window !== "undefined") {
    window.sessionStorage.clear()
    window.history.replaceState(null, "", "/")
  }
})
