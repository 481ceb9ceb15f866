// `medusa-plugin-coupons/types`: the module's records and the store and admin HTTP shapes, types only.
export type * from "./dtos"
export type * from "./http/store"
export type * from "./http/admin"
