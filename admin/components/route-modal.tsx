import { Drawer, FocusModal } from "@medusajs/ui"
import { createContext, useCallback, useContext, useEffect, useRef, useState } from "react"
import { useNavigate } from "react-router-dom"

/*
 * The dashboard's RouteDrawer / RouteFocusModal are not exported to extensions:
 * these are the same idea. The drawer or modal is its own route (a URL that can
 * be shared and that the back button closes); closing it returns to `closeTo`
 * after the closing animation, replacing the entry so "back" does not reopen it.
 */
const CLOSE_ANIMATION_MS = 200

type RouteModalContext = { close: () => void }
const Context = createContext<RouteModalContext | null>(null)

/** Inside a RouteDrawer or RouteFocusModal: `close()` after a successful save. */
export const useRouteModal = () => {
  const context = useContext(Context)
  if (!context) {
    throw new Error("useRouteModal is used outside a RouteDrawer or RouteFocusModal")
  }
  return context
}

/** For a route that renders its own Drawer (the edit drawer): its open state and how it closes. */
export const useClosingRoute = (closeTo: string) => {
  const navigate = useNavigate()
  const [open, setOpen] = useState(true)
  const timer = useRef<ReturnType<typeof setTimeout>>()
  // left by the back button or a link first: the pending return must not pull the admin back
  useEffect(() => () => clearTimeout(timer.current), [])
  const close = useCallback(() => {
    setOpen(false)
    clearTimeout(timer.current)
    timer.current = setTimeout(() => navigate(closeTo, { replace: true }), CLOSE_ANIMATION_MS)
  }, [closeTo, navigate])
  return { open, close, onOpenChange: (next: boolean) => (next ? setOpen(true) : close()) }
}

export const RouteDrawer = ({ closeTo, children }: { closeTo: string; children: React.ReactNode }) => {
  const { open, close, onOpenChange } = useClosingRoute(closeTo)
  return (
    <Context.Provider value={{ close }}>
      <Drawer open={open} onOpenChange={onOpenChange}>
        <Drawer.Content>{children}</Drawer.Content>
      </Drawer>
    </Context.Provider>
  )
}

export const RouteFocusModal = ({ closeTo, children }: { closeTo: string; children: React.ReactNode }) => {
  const { open, close, onOpenChange } = useClosingRoute(closeTo)
  return (
    <Context.Provider value={{ close }}>
      <FocusModal open={open} onOpenChange={onOpenChange}>
        <FocusModal.Content>{children}</FocusModal.Content>
      </FocusModal>
    </Context.Provider>
  )
}
