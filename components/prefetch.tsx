// A page's first data, rendered on the server: the queries its client components will ask for run
// here, through the same lib/ functions the API routes call (not over HTTP), and reach the
// browser's query cache with the HTML. No request waits for the browser's JavaScript to start.
import { dehydrate, HydrationBoundary, QueryClient, type QueryKey } from "@tanstack/react-query";
import type { ReactNode } from "react";
import { currentUser } from "@/lib/users/current-user";

/** One query as the server answers it: the client hook's key, and its data as the route would send it. */
export type ServerQuery<T = unknown> = { queryKey: QueryKey; queryFn: () => Promise<T> };

/**
 * Runs the queries and hands the answers to the client components below: a list of queries anyone
 * may read, or a function of the signed-in person's id (nothing is run for a visitor), which may
 * first look up what the queries need (the session the request carries). A query that fails is
 * left out: the client asks for it again and shows the API's error as it always does.
 */
export async function Prefetch({
  queries,
  children,
}: {
  queries: ServerQuery[] | ((userId: string) => ServerQuery[] | Promise<ServerQuery[]>);
  children: ReactNode;
}) {
  const client = new QueryClient();
  const user = typeof queries === "function" ? await currentUser() : null;
  const list = typeof queries === "function" ? (user ? await queries(user.id) : []) : queries;
  await Promise.all(list.map((query) => client.prefetchQuery(query)));
  return <HydrationBoundary state={dehydrate(client)}>{children}</HydrationBoundary>;
}
