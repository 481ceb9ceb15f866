
      // Auto-generated index file for Medusa Admin UI extensions
    import WidgetComponent0, { config as WidgetConfig0 } from "/work/main/src/admin/widgets/customer-coupons.tsx"
import WidgetComponent1, { config as WidgetConfig1 } from "/work/main/src/admin/widgets/order-coupons.tsx"

const widgetModule = { widgets: [
  {
    Component: WidgetComponent0,
    zone: ["customer.details.after"],
    widgetId: "Widget-dbd3"
},
{
    Component: WidgetComponent1,
    zone: ["order.details.side.after"],
    widgetId: "Widget-6a06"
}
] }
    import RouteComponent0, { config as HandleConfig0 } from "/work/main/src/admin/routes/coupons/page.tsx"
import RouteComponent1 from "/work/main/src/admin/routes/coupons/[id]/page.tsx"
import RouteComponent2 from "/work/main/src/admin/routes/coupons/create/page.tsx"

const routeModule = { routes: [
    {
    Component: RouteComponent0,
    path: "/coupons",
    handle: { label: HandleConfig0.label, translationNs: HandleConfig0.translationNs }
  },
{
    Component: RouteComponent1,
    path: "/coupons/:id"
  },
{
    Component: RouteComponent2,
    path: "/coupons/create"
  }
]
 }
    import { config as RouteConfig0 } from "/work/main/src/admin/routes/coupons/page.tsx"

const menuItemModule = { menuItems: [
    {
    label: RouteConfig0.label,
    icon: RouteConfig0.icon,
    path: "/coupons",
    nested: undefined,
    rank: undefined,
    translationNs: undefined
  }
]
 }
    

const formModule = { customFields: {
  
} }
    

const displayModule = { 
    displays: {
      
    }
   }
    import { deepMerge } from "@medusajs/admin-shared"

const i18nModule = { resources: {} }
    

const cellRendererModule = {}
    

const layoutModule = { layouts: [
  
] }
    

const searchEntityModule = {}

    const plugin = {
      widgetModule,
      routeModule,
      menuItemModule,
      formModule,
      displayModule,
      i18nModule,
      cellRendererModule,
      layoutModule,
      searchEntityModule
    }

    export default plugin
    